"""Money and arithmetic of budget disclosures.

Pure Python, no Django import: amounts (parse 20万 / 406380元, format 元 / 万元 / 大写),
formulas (60人×100元×2天 → factors), the tree of a project as plain data, roll-ups and
consistency findings.
"""
