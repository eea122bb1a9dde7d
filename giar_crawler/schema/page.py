"""Wording of portal pages that is not the report: chrome, spam, metadata labels.

Patterns are regular expressions written in simplified Chinese; the parsers compile them
with `parsing.script.both_scripts`, so they match traditional pages too.
"""

from __future__ import annotations

# Report-body containers of the common CMSs, most specific first. Simple selectors only:
# tag, #id, .class (several classes must all be present); matched in one pass over the tree.
CONTAINERS = (
    ".TRS_Editor", "#UCAP-CONTENT", "#zoom", "#ivs_content", ".article_content", ".pages_content",
    "#Zoom", "#zoomcon", "#fontzoom", "#BodyLabel", ".view.TRS_UEDITOR", ".wzcon", "#content",
    "article",
)

# Site furniture in short lines (≤ CHROME_LINE_MAX). Strong phrases never occur in report
# text: a short line holding one is chrome. Weak ones can ("群众可用手机扫描二维码查询…"), so a
# line is chrome only when nothing else is left once chrome phrases are taken out.
CHROME_STRONG = (
    r"扫一扫在手机(?:上)?(?:打开|查看|浏览|阅读)|网站标识码|ICP备|ICP证|公网安备|公安备案|版权所有"
    r"|(?:当前|您的|您当前的|所在)位置\s*[:：]|当前页面\s*[:：]|首页\s*\??\s*[>›»]"
    r"|【\s*(?:打印|关闭|我要纠错)[^】]{0,4}】"
    r"|分享到\s*[:：]?|字号\s*[:：]"
)
CHROME_WEAK = (
    r"(?:手机|微信)?扫一扫(?:分享|关注)?|(?:用手机)?扫描二维码|手机扫码|在手机(?:上)?(?:打开|查看|浏览)"
    r"|(?:当前|本)页面?|网站地图|无障碍(?:浏览|阅读)?|长者模式|关怀版|适老化|我要纠错|政府网站找错"
    r"|打印(?:本页|此页|文章)?|关闭(?:窗口|本页)?|收藏|分享|字号|默认|[大中小]|超大|上一篇|下一篇"
    r"|相关(?:稿件|链接|文章|阅读|新闻)|浏览次数|阅读次数|访问量|点击数|责任编辑|编辑|技术支持|返回顶部"
    r"|返回|首页|微信|微博|QQ空间|来源|发布时间|时间|日期|主办|承办|联系我们|附件下载|相关附件"
)
# Script and style text leaking into a page's text ("$('#share-1').share();",
# "img#imgConac {height: 55px;}").
CODE_LINE = r"^\s*(?:\$\(|jQuery\(|var\s+\w+\s*=|function\s*\w*\(|document\.|window\.)|\{[^{}]*:[^{}]*\}\s*$"
# Every CODE_LINE match holds one of these: a text holding none has no code line to look for.
CODE_MARKS = ("{", "$(", "jQuery(", "var", "function", "document.", "window.")
CHROME_LEFTOVER = 4  # Chinese characters a weak-only line may keep and still be chrome
CHROME_LINE_MAX = 80

# class/id tokens of furniture blocks (matched case-insensitively as substrings).
CHROME_CLASS = (
    "share", "qrcode", "qr", "sweep", "ewm", "erweima", "print", "breadcrumb", "crumb",
    "position", "location", "footer", "foot", "nav", "menu", "fontsize", "font_size",
    "switchsize", "article_btn", "btn_group", "pagination", "related", "xg-list", "jiucuo",
    "comment", "sidebar",
)
# 附件 blocks: their links are kept as attachments, the block is stripped from the text.
ATTACHMENT_BLOCK = r"^(?:附件下载|相关附件|附件)\s*[:：]?"
ATTACHMENT_CLASS = ("attach", "fujian", "file_xmb", "fjxz")
ATTACHMENT_EXT = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".et", ".ofd", ".zip",
                  ".rar", ".7z", ".txt", ".ceb")

# Spam injected into hacked portal pages (gambling); matched on short lines only,
# so that a report's own sentence about fighting gambling is never taken for spam.
SPAM = (
    r"体育(?:网址|官网|app|APP|下载|投注)|娱乐(?:城|官网|网址)|真人(?:娱乐|视讯)|百家乐|时时彩"
    r"|彩票(?:网址|官网|app|APP)|棋牌(?:官网|平台)|葡京|威尼斯人(?:娱乐|官网|平台)"
    r"|金沙(?:娱乐|官网|平台|网址)|太阳城(?:娱乐|官网|集团)|澳门(?:赌场|新葡|金沙|银河娱乐|娱乐)"
    r"|bet365|365bet|365体育|开元棋牌|AG真人|线上赌场|网上赌场|现金网|足球投注|下注网址"
)
SPAM_LINE_MAX = 40

# Content farms that copy reports: wording of document-sharing sites, which counts only on a
# non-government host ("表格免费下载" can be a portal's own menu).
CONTENT_FARM = (
    r"范文|资料文库|文库|文档下载|下载文档|VIP会员|原创力文档|道客巴巴|豆丁网|百度文库|免费下载"
)
# The report-abuse form a content farm puts under every copy.
REPORT_ABUSE = r"被举报文档|举报类型|举报理由|我确定以上信息无误|点击换图"
# Years blanked out by content farms ("自年月日起至年12月31日止", "年,区继续…").
# A 年 with no number before it (BLANKED_YEAR_AT), at the start or after one of these.
BLANKED_YEAR_BEFORE = r"[自至将中，,。；、\s]"
BLANKED_YEAR_AT = r"年(?=[月,，底举主未以无政0-9])"
BLANKED_YEAR = rf"(?:^|{BLANKED_YEAR_BEFORE}){BLANKED_YEAR_AT}"

# Not a report: login walls, list pages, shells.
LOGIN_WALL = r"请(?:先)?登录|用户登录|登录后(?:查看|浏览|访问)|会员登录|没有权限"
REPORT_WORDS = r"年报|年度报告|工作报告|信息公开.*报告"

# Metadata.
META_TITLE = ("ArticleTitle", "title", "Title", "og:title")
META_DATE = ("PubDate", "pubdate", "publishdate", "PublishDate", "firstpublishedtime",
             "article:published_time", "created", "Maketime")
DATE_LABEL = r"(?:发布|公开|成文|印发|生成)?(?:日期|时间)"
TITLE_SITE_SEPARATORS = ("_", " - ", "-", "|", "——")
# The reporting agency: words that end an organ name.
ORGAN_END = (
    r"人民政府办公厅|人民政府办公室|人民政府|街道办事处|办事处|管理委员会|管委会|委员会|办公厅|办公室"
    r"|局|厅|委|办|署|院|中心|站|所|队|会|街道|镇|乡|苏木"
)
# Names that point at no agency: "2023年政府信息公开…", a farm's "区府办", "本局".
GENERIC_ORGAN = (
    r"^(?:(?:人民)?政府|[区县市省镇乡](?:府|政府|人民政府|委|办|直)|[我本该全各](?:[单机部]|[区县市局镇乡委办])"
    r"|本级政府|本网|本站)"
)
# What a 来源 may add to the title's organ: 硫市镇 + 人民政府, 左岭街道 + 办事处.
FULLER_ORGAN = r"人民政府|街道办事处|办事处|管委会|管理委员会|人民政府办公室"
# The report's own words that end the organ in a title ("…2023年政府信息公开工作年度报告").
REPORT_TITLE_TAIL = r"(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:年报|报告|年度报告)"
# Levels by the end of the organ name (township first: 街道办事处 ends with 办).
LEVEL_BY_SUFFIX = (
    ("township", r"(?:街道|街道办事处|镇|乡|苏木|民族乡)(?:人民政府)?$"),
    ("department", r"(?:局|厅|委员会|委|办公室|办公厅|办|署|中心|管理处|支队|大队|站|所|院)$"),
    ("province", r"(?:省|自治区)(?:人民政府)?$"),
    ("city", r"(?:自治州|州|盟|地区)(?:人民政府)?$"),
    ("county", r"(?:县|自治县|旗|自治旗|区|特区|林区)(?:人民政府)?$"),
    ("city", r"市(?:人民政府)?$"),
)
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
PLACE_SUFFIX = r"(?:省|自治区|自治州|市|州|盟|地区|自治县|县|自治旗|旗|新区|开发区|实验区|区|街道|镇|乡|苏木)"
NOT_PLACES = ("城市", "社区", "小区", "景区", "辖区", "片区", "园区", "市区", "城区", "地区")
