"""factory_boy factories for the projects app."""

from decimal import Decimal

import factory

from projects import models


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Region
        django_get_or_create = ("name", "parent")

    name = "澄江市"
    parent = None


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Department

    name = factory.Sequence(lambda n: f"测试预算单位{n}")
    short_name = factory.Sequence(lambda n: f"测试单位{n}")
    slug = factory.Sequence(lambda n: f"dept-{n}")
    region = factory.SubFactory(RegionFactory)


class DisclosureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Disclosure

    department = factory.SubFactory(DepartmentFactory)
    fiscal_year = 2024
    title = factory.LazyAttribute(
        lambda d: f"{d.department.name}{d.fiscal_year}年预算重点领域财政项目文本公开"
    )


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Project

    disclosure = factory.SubFactory(DisclosureFactory)
    sequence = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"测试项目{n}")
    implementing_unit = factory.LazyAttribute(lambda p: p.disclosure.department.name)
    declared_total = Decimal("100000.00")
    status = models.Status.DRAFT


class SubItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SubItem

    project = factory.SubFactory(ProjectFactory)
    sequence = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"子项目{n}")
    content = "实施内容。"


class LineItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.LineItem

    sub_item = factory.SubFactory(SubItemFactory)
    sequence = factory.Sequence(lambda n: n + 1)
    name = "自助餐费"
    declared_amount = Decimal("12000.00")


class PolicyDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PolicyDocument

    title = factory.Sequence(lambda n: f"关于测试的通知{n}")
    document_number = ""


class CitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Citation

    project = factory.SubFactory(ProjectFactory)
    document = factory.SubFactory(PolicyDocumentFactory)
    sequence = factory.Sequence(lambda n: n + 1)
    cited_text = factory.LazyAttribute(lambda c: f"《{c.document.title}》")
