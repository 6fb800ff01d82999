"""The vocabulary of the synthetic disclosures (``demo.generator``): places, budget units,
project topics, line-item calculations and policy documents, as real disclosures word them.

Plain data, no Django. Every list is in a fixed order: the generator draws from them with a
seeded random generator, so the same seed gives the same disclosures.

The places are real counties and districts of Yunnan, but not 澄江市, whose 组织部 is the
seed's department; the budget units and their projects are invented.
"""

from __future__ import annotations

from dataclasses import dataclass

PROVINCE = "云南省"

# (city, [(county, its code in slugs)]).
CITIES: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    (
        "玉溪市",
        "yuxi",
        (
            ("红塔区", "hongta"),
            ("江川区", "jiangchuan"),
            ("通海县", "tonghai"),
            ("华宁县", "huaning"),
            ("易门县", "yimen"),
            ("峨山县", "eshan"),
            ("新平县", "xinping"),
            ("元江县", "yuanjiang"),
        ),
    ),
    (
        "曲靖市",
        "qujing",
        (
            ("麒麟区", "qilin"),
            ("沾益区", "zhanyi"),
            ("马龙区", "malong"),
            ("宣威市", "xuanwei"),
            ("富源县", "fuyuan"),
            ("罗平县", "luoping"),
            ("师宗县", "shizong"),
            ("陆良县", "luliang"),
            ("会泽县", "huize"),
        ),
    ),
    (
        "昆明市",
        "kunming",
        (
            ("五华区", "wuhua"),
            ("盘龙区", "panlong"),
            ("官渡区", "guandu"),
            ("西山区", "xishan"),
            ("呈贡区", "chenggong"),
            ("晋宁区", "jinning"),
            ("安宁市", "anning"),
            ("宜良县", "yiliang"),
            ("嵩明县", "songming"),
            ("富民县", "fumin"),
        ),
    ),
    (
        "楚雄州",
        "chuxiong",
        (
            ("楚雄市", "chuxiongshi"),
            ("禄丰市", "lufeng"),
            ("双柏县", "shuangbai"),
            ("牟定县", "mouding"),
            ("南华县", "nanhua"),
            ("姚安县", "yaoan"),
            ("大姚县", "dayao"),
            ("永仁县", "yongren"),
            ("元谋县", "yuanmou"),
            ("武定县", "wuding"),
        ),
    ),
)


@dataclass(frozen=True)
class SubItemTemplate:
    name: str
    family: str  # a key of LINES: what its calculations are made of
    intro: str  # the opening of its 五、项目实施内容 paragraph


@dataclass(frozen=True)
class Topic:
    name: str  # the project name after the year: 2024年{name}{suffix}
    suffixes: tuple[str, ...]
    sub_items: tuple[SubItemTemplate, ...]
    purpose: str  # 为{purpose}, in the closing sentence of 二、立项依据
    outcome: str  # a sentence of 八、项目实施成效
    output: tuple[str, str]  # (name, unit) of the quantity indicator


def _subs(*rows: tuple[str, str, str]) -> tuple[SubItemTemplate, ...]:
    return tuple(SubItemTemplate(*row) for row in rows)


TOPICS: dict[str, Topic] = {
    "cadre_training": Topic(
        "干部教育培训",
        ("专项资金", "经费"),
        _subs(
            ("主体班次培训", "training", "举办科级干部进修班、中青年干部培训班等主体班次"),
            ("年轻干部能力提升培训", "training", "选派优秀年轻干部参加专题培训和实践锻炼"),
            ("干部网络学习", "services", "依托干部网络学院开展在线学习"),
            ("退休适应性培训", "training", "为即将退休的干部开展退休适应性培训"),
        ),
        "全面提高干部队伍素质和履职能力",
        "干部队伍政治素质和履职能力明显提升，培训覆盖面进一步扩大",
        ("培训人次", "人次"),
    ),
    "veteran_cadres": Topic(
        "老干部工作",
        ("经费", "专项资金"),
        _subs(
            ("离退休干部走访慰问", "care", "在春节、重阳节等节日走访慰问离退休干部"),
            ("老干部活动中心运行", "services", "保障老干部活动中心日常运行和活动开展"),
            ("离退休干部健康体检", "care", "组织离退休干部开展年度健康体检"),
        ),
        "落实离退休干部政治待遇和生活待遇",
        "离退休干部获得感、幸福感不断增强",
        ("服务离退休干部人数", "人"),
    ),
    "party_building": Topic(
        "基层党建",
        ("工作经费", "专项资金"),
        _subs(
            ("村级组织活动场所建设", "works", "新建和改造提升村级组织活动场所"),
            ("党员教育培训", "training", "开展农村党员和村组干部集中轮训"),
            ("村组干部报酬补助", "care", "落实村组干部基本报酬和绩效补贴"),
        ),
        "推进基层党组织标准化规范化建设",
        "基层党组织政治功能和组织功能进一步增强",
        ("轮训党员人数", "人"),
    ),
    "talent": Topic(
        "人才工作",
        ("专项资金", "经费"),
        _subs(
            ("高层次人才引进补助", "care", "对新引进的高层次人才给予安家补助和生活补贴"),
            ("专业技术人才培训", "training", "组织专业技术人才参加知识更新培训"),
        ),
        "深入实施人才强县战略",
        "人才引进和培养数量稳步增长，人才发展环境持续优化",
        ("引进培养人才数", "人"),
    ),
    "archives": Topic(
        "干部人事档案管理",
        ("经费",),
        _subs(
            ("干部人事档案数字化", "digitising", "对干部人事档案开展数字化加工"),
            ("档案装具购置", "goods", "购置密集架、档案盒等档案装具"),
        ),
        "提升干部人事档案管理规范化、信息化水平",
        "干部人事档案管理更加规范，查阅利用更加便捷",
        ("数字化档案卷数", "卷"),
    ),
    "student_aid": Topic(
        "学生资助",
        ("补助资金", "专项资金"),
        _subs(
            ("家庭经济困难学生生活补助", "care", "对家庭经济困难寄宿生发放生活补助"),
            ("农村义务教育学生营养改善计划", "care", "为农村义务教育阶段学生提供营养膳食补助"),
        ),
        "确保不让一个学生因家庭经济困难而失学",
        "家庭经济困难学生应助尽助，学生营养健康状况持续改善",
        ("受助学生人数", "人"),
    ),
    "teacher_training": Topic(
        "教师培训",
        ("经费", "专项资金"),
        _subs(
            ("中小学教师全员培训", "training", "组织中小学教师参加全员轮训"),
            ("骨干教师研修", "training", "选派骨干教师参加省市级研修"),
            ("教师培训资料", "goods", "编印教师培训教材和学习资料"),
        ),
        "建设高素质专业化教师队伍",
        "教师专业素养和教育教学能力明显提高",
        ("培训教师人次", "人次"),
    ),
    "school_safety": Topic(
        "校园安全保障",
        ("经费", "专项资金"),
        _subs(
            ("校园安保服务", "services", "为中小学校购买专职保安服务"),
            ("校舍维修改造", "works", "对存在安全隐患的校舍进行维修改造"),
            ("学生意外伤害保险", "insurance", "为在校学生购买校方责任险和意外伤害保险"),
        ),
        "保障师生生命财产安全",
        "校园安全防范能力明显增强，全年无重大安全责任事故",
        ("覆盖学校数", "所"),
    ),
    "public_health": Topic(
        "基本公共卫生服务",
        ("补助资金", "经费"),
        _subs(
            ("老年人健康体检", "care", "为65岁及以上老年人提供免费健康体检"),
            ("健康教育宣传", "goods", "印制健康教育宣传资料，开展健康知识宣传"),
            ("家庭医生签约服务", "services", "开展家庭医生签约服务和随访"),
        ),
        "推进基本公共卫生服务均等化",
        "居民健康素养水平稳步提升，重点人群健康管理率提高",
        ("服务人数", "人"),
    ),
    "medical_staff": Topic(
        "卫生人才培养",
        ("经费",),
        _subs(
            ("乡村医生培训", "training", "组织乡村医生参加适宜技术培训"),
            ("全科医生转岗培训", "training", "选派乡镇卫生院医生参加全科医生转岗培训"),
        ),
        "加强基层卫生人才队伍建设",
        "基层医疗卫生服务能力不断提升",
        ("培训医务人员人次", "人次"),
    ),
    "social_assistance": Topic(
        "困难群众救助",
        ("资金", "专项资金"),
        _subs(
            ("城乡低保对象节日慰问", "care", "在春节期间走访慰问城乡低保对象和特困人员"),
            ("临时救助", "care", "对遭遇突发困难的家庭实施临时救助"),
            ("意外伤害保险", "insurance", "为特困供养人员购买意外伤害保险"),
        ),
        "兜住兜准兜牢民生底线",
        "困难群众基本生活得到有效保障",
        ("救助人数", "人"),
    ),
    "elderly_care": Topic(
        "养老服务",
        ("补助资金", "经费"),
        _subs(
            ("居家养老服务", "services", "向社会力量购买居家养老上门服务"),
            ("敬老院维修改造", "works", "对乡镇敬老院进行适老化改造"),
        ),
        "健全居家社区机构相协调的养老服务体系",
        "老年人养老服务需求得到更好满足",
        ("服务老年人数", "人"),
    ),
    "employment": Topic(
        "就业创业培训",
        ("补助资金", "经费"),
        _subs(
            ("职业技能培训", "training", "面向农村劳动力开展职业技能培训"),
            ("创业培训", "training", "组织有创业意愿的人员参加创业培训"),
            ("公益性岗位补贴", "care", "对公益性岗位人员给予岗位补贴"),
        ),
        "促进高质量充分就业",
        "劳动者就业创业能力明显增强，城镇新增就业稳定增长",
        ("培训人数", "人"),
    ),
    "rural_revival": Topic(
        "乡村振兴",
        ("专项资金", "工作经费"),
        _subs(
            ("驻村工作队保障", "care", "保障驻村工作队员生活补助和意外伤害保险"),
            ("农村人居环境整治", "works", "开展村庄清洁行动和公厕改造"),
            ("产业发展技术培训", "training", "组织农户参加种养殖技术培训"),
        ),
        "巩固拓展脱贫攻坚成果同乡村振兴有效衔接",
        "农村人居环境持续改善，农民收入稳步增长",
        ("受益农户数", "户"),
    ),
    "agri_extension": Topic(
        "农业技术推广",
        ("经费",),
        _subs(
            ("农技人员培训", "training", "组织基层农技人员参加知识更新培训"),
            ("示范基地建设", "works", "建设农业新品种新技术示范基地"),
        ),
        "提升农业科技服务能力",
        "主导品种和主推技术到位率明显提高",
        ("示范推广面积", "亩"),
    ),
    "culture": Topic(
        "公共文化服务",
        ("经费", "补助资金"),
        _subs(
            ("图书馆图书购置", "books", "为公共图书馆和农家书屋购置图书"),
            ("群众文化活动", "training", "举办广场文艺展演和文化下乡活动"),
            ("馆藏文物保护", "digitising", "对馆藏文物和地方文献开展数字化保护"),
        ),
        "满足人民群众日益增长的精神文化需求",
        "公共文化服务供给更加丰富，群众参与率提高",
        ("开展活动场次", "场"),
    ),
    "publicity": Topic(
        "宣传思想文化工作",
        ("经费",),
        _subs(
            ("理论宣讲", "training", "组织宣讲团深入基层开展理论宣讲"),
            ("宣传品制作", "goods", "制作公益广告和宣传品"),
            ("融媒体中心运行维护", "services", "保障县级融媒体中心平台运行维护"),
        ),
        "巩固壮大主流思想舆论",
        "主流舆论阵地不断巩固，群众知晓率提高",
        ("宣讲场次", "场"),
    ),
    "emergency": Topic(
        "应急管理",
        ("专项资金", "经费"),
        _subs(
            ("应急救援演练", "training", "组织开展森林火灾、地震等应急救援演练"),
            ("应急物资储备", "goods", "购置应急救援物资和装备"),
        ),
        "提升防灾减灾救灾和应急处置能力",
        "应急救援能力明显增强，群众安全感提升",
        ("开展演练次数", "次"),
    ),
    "veterans": Topic(
        "退役军人服务保障",
        ("经费", "专项资金"),
        _subs(
            ("重点优抚对象走访慰问", "care", "在春节、八一期间走访慰问重点优抚对象"),
            ("退役军人技能培训", "training", "组织退役军人参加适应性培训和技能培训"),
        ),
        "让军人成为全社会尊崇的职业",
        "优抚对象获得感和荣誉感不断增强",
        ("慰问人数", "人"),
    ),
    "legal": Topic(
        "法治宣传和人民调解",
        ("经费",),
        _subs(
            ("普法宣传", "goods", "印制普法宣传资料，开展法律进乡村活动"),
            ("人民调解员补贴", "care", "对专职人民调解员给予案件补贴"),
        ),
        "推进法治社会建设",
        "群众法治意识明显增强，矛盾纠纷就地化解率提高",
        ("发放宣传资料份数", "份"),
    ),
    "water": Topic(
        "农村供水保障",
        ("专项资金",),
        _subs(
            ("供水管网维修", "works", "对老旧供水管网进行维修改造"),
            ("水质检测", "services", "委托第三方机构开展农村饮水水质检测"),
        ),
        "保障农村群众饮水安全",
        "农村自来水普及率和供水保证率稳步提高",
        ("受益人口", "人"),
    ),
    "market": Topic(
        "食品安全监管",
        ("工作经费",),
        _subs(
            ("食品安全抽检", "services", "委托检验机构开展食品安全监督抽检"),
            ("执法人员培训", "training", "组织市场监管执法人员业务培训"),
        ),
        "守住不发生系统性食品安全风险的底线",
        "食品安全监督抽检覆盖面扩大，群众满意度提升",
        ("抽检批次", "批次"),
    ),
}


@dataclass(frozen=True)
class Agency:
    pattern: str  # {place} is the county or city, e.g. 中共{place}委组织部
    short: str  # as the short name: {place}委组织部
    code: str  # in slugs
    units: tuple[str, ...]  # subordinate implementing units, {place} as above
    topics: tuple[str, ...]


AGENCIES: tuple[Agency, ...] = (
    Agency(
        "中共{place}委组织部",
        "{place}委组织部",
        "zzb",
        ("{place}委老干部局", "{place}老干部活动中心", "{place}党员教育中心"),
        ("cadre_training", "veteran_cadres", "party_building", "talent", "archives"),
    ),
    Agency(
        "中共{place}委宣传部",
        "{place}委宣传部",
        "xcb",
        ("{place}融媒体中心", "{place}文明办"),
        ("publicity", "culture"),
    ),
    Agency(
        "{place}教育体育局",
        "{place}教育体育局",
        "jtj",
        ("{place}第一中学", "{place}教师进修学校", "{place}学生资助管理中心"),
        ("student_aid", "teacher_training", "school_safety"),
    ),
    Agency(
        "{place}卫生健康局",
        "{place}卫生健康局",
        "wjj",
        ("{place}疾病预防控制中心", "{place}人民医院", "{place}妇幼保健院"),
        ("public_health", "medical_staff"),
    ),
    Agency(
        "{place}民政局",
        "{place}民政局",
        "mzj",
        ("{place}社会福利院", "{place}救助管理站"),
        ("social_assistance", "elderly_care"),
    ),
    Agency(
        "{place}人力资源和社会保障局",
        "{place}人社局",
        "rsj",
        ("{place}就业和人才服务中心",),
        ("employment", "talent"),
    ),
    Agency(
        "{place}农业农村局",
        "{place}农业农村局",
        "nyj",
        ("{place}农业技术推广中心", "{place}乡村振兴服务中心"),
        ("rural_revival", "agri_extension"),
    ),
    Agency(
        "{place}文化和旅游局",
        "{place}文旅局",
        "wlj",
        ("{place}图书馆", "{place}文化馆", "{place}博物馆"),
        ("culture",),
    ),
    Agency(
        "{place}应急管理局",
        "{place}应急管理局",
        "yjj",
        ("{place}应急救援中心",),
        ("emergency",),
    ),
    Agency(
        "{place}退役军人事务局",
        "{place}退役军人事务局",
        "tyj",
        ("{place}退役军人服务中心",),
        ("veterans",),
    ),
    Agency(
        "{place}司法局",
        "{place}司法局",
        "sfj",
        ("{place}公共法律服务中心",),
        ("legal",),
    ),
    Agency(
        "{place}水务局",
        "{place}水务局",
        "swj",
        ("{place}农村供水管理站",),
        ("water",),
    ),
    Agency(
        "{place}市场监督管理局",
        "{place}市场监管局",
        "scj",
        ("{place}食品药品检验所",),
        ("market",),
    ),
    Agency(
        "{place}档案馆",
        "{place}档案馆",
        "dag",
        (),
        ("archives", "culture"),
    ),
)


@dataclass(frozen=True)
class FactorTemplate:
    label: str
    unit: str
    values: tuple[str, ...]  # as written; each is a Decimal string


@dataclass(frozen=True)
class LineTemplate:
    name: str
    factors: tuple[FactorTemplate, ...]


def _range(start: int, stop: int, step: int) -> tuple[str, ...]:
    return tuple(str(n) for n in range(start, stop + 1, step))


def _line(name: str, *factors: tuple[str, str, tuple[str, ...]]) -> LineTemplate:
    return LineTemplate(name, tuple(FactorTemplate(*factor) for factor in factors))


PEOPLE = ("参训人数", "人", _range(30, 200, 10))
# At most one factor of a line has decimals (one place), so every product is exact to the 分.
LINES: dict[str, tuple[LineTemplate, ...]] = {
    "training": (
        _line(
            "自助餐费",
            PEOPLE,
            ("就餐标准", "元", ("80", "100", "120")),
            ("天数", "天", _range(1, 5, 1)),
        ),
        _line(
            "住宿费",
            PEOPLE,
            ("住宿标准", "元/人/天", ("150", "180", "200", "260")),
            ("天数", "天", _range(1, 4, 1)),
        ),
        _line(
            "讲课费",
            ("授课课时", "课时", _range(4, 40, 2)),
            ("课酬标准", "元/课时", ("300", "500", "800", "1000")),
        ),
        _line(
            "教材资料费",
            ("份数", "份", _range(50, 500, 10)),
            ("单价", "元/份", ("20", "30", "45", "50")),
        ),
        _line(
            "场地租赁费",
            ("场次", "场", _range(1, 10, 1)),
            ("租金", "元/场", ("800", "1000", "1500", "2000", "3000")),
        ),
        _line(
            "交通费",
            ("车次", "车次", _range(2, 20, 1)),
            ("单价", "元/车次", ("800", "1200", "1500")),
        ),
    ),
    "care": (
        _line(
            "慰问金",
            ("慰问人数", "人", _range(20, 600, 5)),
            ("慰问标准", "元/人", ("200", "300", "500", "800", "1000")),
            ("次数", "次", ("1", "2")),
        ),
        _line(
            "生活补助",
            ("补助人数", "名", _range(10, 300, 1)),
            ("补助标准", "元/月", ("100", "150", "200", "300", "500")),
            ("月数", "月", ("6", "10", "12")),
        ),
        _line(
            "健康体检费",
            ("体检人数", "人", _range(50, 1500, 10)),
            ("体检标准", "元/人", ("300", "500", "600", "800")),
        ),
        _line(
            "慰问品购置费",
            ("户数", "户", _range(20, 500, 5)),
            ("标准", "元/户", ("150", "200", "300")),
        ),
    ),
    "insurance": (
        _line(
            "意外伤害保险费",
            ("参保人数", "名", _range(100, 3000, 10)),
            ("保费标准", "元/人", ("50", "80", "100", "260")),
        ),
    ),
    "goods": (
        _line(
            "办公设备购置费",
            ("台数", "台", _range(2, 30, 1)),
            ("单价", "元/台", ("3500", "4800", "6000", "8000")),
        ),
        _line(
            "宣传资料印刷费",
            ("印制份数", "份", _range(1000, 20000, 500)),
            ("单价", "元/份", ("1.5", "2", "2.5", "3")),
        ),
        _line(
            "档案装具购置费",
            ("数量", "个", _range(20, 200, 5)),
            ("单价", "元/个", ("150", "260", "380")),
        ),
        _line(
            "展板制作费",
            ("块数", "块", _range(10, 80, 2)),
            ("单价", "元/块", ("300", "450", "600")),
        ),
    ),
    "books": (
        _line(
            "图书购置费",
            ("册数", "册", _range(500, 5000, 100)),
            ("单价", "元/册", ("30", "45", "60")),
        ),
        _line(
            "期刊订阅费",
            ("种数", "种", _range(20, 120, 5)),
            ("单价", "元/种", ("200", "300", "400")),
        ),
    ),
    "services": (
        _line(
            "信息系统运行维护费",
            ("月数", "月", ("12",)),
            ("服务费", "元/月", ("2000", "3000", "5000", "8000")),
        ),
        _line(
            "第三方服务费",
            ("次数", "次", ("1", "2", "4")),
            ("服务费", "元/次", ("20000", "30000", "50000")),
        ),
        _line(
            "专家评审费",
            ("专家人数", "人", _range(3, 9, 1)),
            ("评审费", "元/人", ("800", "1000", "1500")),
            ("次数", "次", _range(1, 4, 1)),
        ),
        _line(
            "购买服务费",
            ("服务人数", "人", _range(2, 30, 1)),
            ("服务费", "元/人/月", ("2500", "3000", "3500")),
            ("月数", "月", ("12",)),
        ),
    ),
    "digitising": (
        _line(
            "档案数字化加工费",
            ("扫描页数", "页", _range(20000, 300000, 1000)),
            ("加工单价", "元/页", ("0.3", "0.5", "0.8")),
        ),
        _line(
            "数据存储设备购置费",
            ("台数", "台", _range(1, 4, 1)),
            ("单价", "元/台", ("15000", "28000", "36000")),
        ),
    ),
    "works": (
        _line(
            "维修改造费",
            ("改造面积", "平方米", _range(50, 800, 10)),
            ("单价", "元/平方米", ("300", "500", "800", "1200")),
        ),
        _line(
            "建设补助",
            ("个数", "个", _range(2, 40, 1)),
            ("补助标准", "万元/个", ("0.5", "1", "2", "3")),
        ),
        _line(
            "设备安装费",
            ("套数", "套", _range(1, 20, 1)),
            ("单价", "元/套", ("2000", "5000", "8000")),
        ),
    ),
}

# Lines written as a lump sum, without a calculation (as 场租费、材料费0.8万元 in the seed).
LUMP_SUMS = ("场租费、材料费", "其他零星支出", "资料费、会务费", "工作经费")
# Composite lines: a parent line whose amount is the sum of its child lines.
COMPOSITES = {
    "training": "集中培训费",
    "care": "节日慰问经费",
    "services": "运行保障费",
    "works": "工程建设费",
}

FUNDING_SCHEMES = (
    ("本级财政拨款",),
    ("本级财政拨款", "上级补助资金"),
    ("本级财政拨款", "上年结转资金"),
    ("上级补助资金", "本级财政拨款", "自筹资金"),
)

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"

# Policy documents: subjects, the kinds of document, who issues them (文号 codes).
DOCUMENT_SUBJECTS = (
    "进一步加强干部教育培训工作",
    "做好新时代离退休干部工作",
    "加强和改进基层党组织建设",
    "深化人才发展体制机制改革",
    "加强干部人事档案管理工作",
    "健全学生资助制度",
    "加强中小学教师队伍建设",
    "加强学校安全工作",
    "做好基本公共卫生服务项目工作",
    "加强基层卫生人才队伍建设",
    "进一步加强和改进临时救助工作",
    "推进养老服务发展",
    "做好当前和今后一个时期促进就业工作",
    "全面推进乡村振兴",
    "加强基层农技推广体系建设",
    "加快构建现代公共文化服务体系",
    "加强新时代宣传思想工作",
    "加强应急管理体系和能力建设",
    "做好退役军人服务保障工作",
    "加强人民调解工作",
    "做好农村供水保障工作",
    "加强食品安全监督抽检工作",
    "规范财政项目支出预算管理",
    "全面实施预算绩效管理",
    "严格执行中央八项规定精神",
    "规范培训费管理",
    "规范差旅费管理",
    "推进政府购买服务",
    "做好预算公开工作",
    "加强村级组织运转经费保障",
    "落实村组干部报酬待遇",
    "推进驻村工作队选派管理",
    "开展春节走访慰问活动",
    "做好困难群众基本生活保障",
    "加强公益性岗位管理",
    "推进档案数字化建设",
)
DOCUMENT_KINDS = ("通知", "实施意见", "意见", "实施方案", "管理办法", "若干措施")
ISSUERS = (
    "中办发",
    "国办发",
    "财预",
    "财教",
    "云办发",
    "云政发",
    "云政办发",
    "云财预",
    "云组通",
    "云老发",
    "玉办发",
    "玉政办发",
    "玉组发",
    "曲办发",
    "昆政发",
    "楚政办发",
    "澄办发",
)
# Laws and regulations, cited without a 文号.
STATUTES = (
    "中华人民共和国预算法",
    "中华人民共和国预算法实施条例",
    "干部教育培训工作条例",
    "党政机关厉行节约反对浪费条例",
    "中国共产党支部工作条例（试行）",
    "干部人事档案工作条例",
    "社会救助暂行办法",
    "中华人民共和国公共文化服务保障法",
)
