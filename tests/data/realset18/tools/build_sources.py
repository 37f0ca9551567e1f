# Writes sources.csv and meta.csv for rs18 (rs18a 001-015 + rs18b 016-030, after the audit).
import csv, pathlib
R = pathlib.Path(__file__).resolve().parent.parent
S = [('001',
  'http://www.swtzb.yn.gov.cn/szgz/gzdt/201708/t20170802_595668.html',
  '借东风扬发展之帆 结情谊绘美好未来 ——上海、昆明、曲靖、玉溪对口帮扶迪庆工作综述',
  '2017-08-02',
  'simplified',
  "沪滇 + intra-Yunnan aid to 迪庆 (Yunnan provincial united-front portal reposting 香格里拉网). 我州 = 迪庆 (title). Page cut off mid-sentence. LIST TRAP: '安排宝山区、嘉定区对口帮扶迪庆州香格里拉、德钦和维西3个县' pairs 2 districts with "
  '3 counties without saying which with which: JUDGMENT rows 宝山区->迪庆州, 嘉定区->迪庆州 (the certain recipient) and 上海市->each of the 3 counties (the certain donor); no district->county rows. The 2004 of '
  "'从2004年起,我州被列为…' is given to 上海->迪庆 only; the district arrangement sentence follows without its own date (left empty). 昆明/曲靖/玉溪 come only from the title and '一批批来自…的援迪干部' (no year). '13年' not "
  'computed.'),
 ('002',
  'http://m.tushygear.com/xwzx/PoliticsNews/202409/t20240901_12646535.htm',
  '對口援藏助力“世界屋脊”民生持續改善',
  '2024-09-01',
  'traditional',
  "援藏 (新華網 via a 中國臺灣網 mobile mirror). 天津 -> 卡若區 (里土村 rolls up to 卡若區; '近兩年' gives no year). 湖北援藏工作隊 -> 加查縣: the date '今年8月19日' is the project's start of production, in the sentence before; [rel] "
  "2024-08-19 given to the 湖北 row. '17個省市和數十家央企' -> group row 17個省市 -> 西藏 (empty donor adcode, as 026's 19個省市; audit). JUDGMENT kept: 8月19日 is the production start of the company the 湖北 team brought "
  "in (reading B: no date for the 湖北 row). 劉輝's title (天津援藏干部、卡若區委常務副書記) adds no new pair. Cut off."),
 ('003',
  'http://m.974sport.com/show/news/91039.html',
  '北京世紀壇醫院與秀山縣人民醫院開展交流座談 (秀山網, guess)',
  '',
  'traditional',
  "Hospital pairing under 中國農業銀行 定點幫扶 (not east-west). Undated: '9月20日下午' only (month/day filled, no year). Converter glosses (醫(yī)院) kept. Org at place: 北京世紀壇醫院 -> 秀山縣人民醫院 gives 北京市 -> 秀山县; 中國農業銀行 "
  "-> 秀山 as an organisation row (empty adcode). 我縣 = 秀山. 首都醫科大學附屬 is part of the hospital's name, no row."),
 ('004',
  'http://epaper.wushannews.com/Html/2023-11-10/32773.html',
  '烟台市领导来巫山对接东西部协作工作',
  '2023-11-10',
  'simplified',
  "鲁渝 东西部协作, county e-paper. 我县 = 巫山 (title/paper). '11月7日至8日' [rel] 2023. '鲁渝协作' label gives no 山东->重庆 row. 支医/支教 teams are 烟台's (one 'other' row from '烟台帮扶…有力推动我县卫生健康事业'). Host "
  'epaper.wushannews.com has another url in an earlier set; this url is new.'),
 ('005',
  'http://webtv3.i2863.com/yxtv/zjpz/gbxw/27913187.shtml',
  '大连大学到盘州调研并就东西部协作扶贫、医疗等领域深入交换意见',
  '2021-06-04',
  'simplified',
  "大连 -> 六盘水/盘州 东西部协作. 我市 = 盘州市 (title '到盘州调研'; '盘州市委常委高赫…离不开大连对我市'). Visit by 大连大学's team: org at place -> 大连市 -> 盘州市, [rel] 2021-06-02. 大连 -> 六盘水市 from the provincial official's speech. 大连大学 -> "
  '六盘水 is 大连市 -> 六盘水市 again (org at place, same kind), so no separate row (audit). 盘州 gazetteer code 520281 (predecessor 盘县 520222). Cut off.'),
 ('006',
  'http://www.gzswssy.com/item/show/16-7826-1.shtml',
  '统一战线“地域+领域”组团式帮扶 江苏连云港市中医院与织金县中医医院签订帮扶协议',
  '2024-08-02',
  'simplified',
  'Hospital pairing (united-front 组团式帮扶 of 毕节, not 东西部协作 proper). 连云港市中医院 -> 织金县中医医院 gives 连云港市 -> 织金县 (agreement, [rel] 2024-08-01; the meeting is held in 连云港). 农工党江苏省委会 -> 织金县 gives 江苏省 -> 织金县 '
  "(org at a named place, like 013's district 民盟 committees; audit). 毕节 named only as the target of the programme label, no row; 农工党贵州省委会/毕节市委 are attendees."),
 ('007',
  'http://www.zhpump.com/html/xw/gxdt/100503.html',
  '蕭山區牽手康定市 對口支援 (甘孜日報, guess)',
  '2024-05-28',
  'traditional',
  "浙川 对口支援 甘孜. Date from the page's '甘孜日報 2024年05月28日'. Glosses and broken glyphs ('社會(huì )') kept. 2021年6月 gives 浙江->四川 (agreement: the two provinces set the new pairings), 蕭山->康定 (pairing_start) "
  "and 蕭山援派干部 arriving (team_arrival). '自2021年蕭山區與康定市結對以來' restates the pairing (same event). Funding '近1.8億元' undated. Host zhpump.com has two other urls in earlier sets; this url is new. Cut off."),
 ('008',
  'http://www.xznq.gov.cn/tscg_3423/202307/t20230709_4714137.html',
  '桐乡市党政代表团赴那曲市色尼区开展对口支援交流',
  '2023-07-09',
  'simplified',
  "援藏 (浙江/嘉兴 -> 那曲). Explicit date 2023年7月2日—7月6日. JUDGMENT: 嘉兴市第十批援藏工作组 appears only as attendees and in 吴伟杰's title (工作组领队、色尼区委常委) -> no 嘉兴->色尼 row (same treatment as realset2's 虹口区/玛沁县 audit). "
  '浙江省委、省政府 assign the task to 桐乡 -> no 浙江 row. 那曲市 = where 色尼区 lies.'),
 ('009',
  'http://itqalam.com/system/2020/07/23/100392454.shtml',
  '藏戲秘境 天上阿里 (長城新媒體, guess)',
  '2020-07-23',
  'traditional',
  "援藏 (河北 -> 阿里). Date from the url path /2020/07/23/. Only pair: '阿里也是河北省對口援建的地區' (no year). TRAP: 噶爾/札達/普蘭/日土 are counties the reporters visited, not pairs; '一代代援藏干部' not tied to a donor in its "
  "sentence. Broken glyph line '當?shù)啬撩瘛?/p>' kept. Mostly a photo essay."),
 ('010',
  'http://m.dddjmc.com/news/fujian/yghx/2020-08-08/2413908.html',
  '對口支援寧夏海原縣幫扶協議簽訂儀式在漳浦舉行 (臺海網, guess)',
  '2020-08-08',
  'traditional',
  "閩寧 携手奔小康 county pair 漳浦 -> 海原. Date from url + dateline '臺海網8月8日訊'; '8月7日' [rel] 2020, '今年是…收官之年' [rel] 2020. '2019年漳浦縣第二輪幫扶' = start year of round 2. The signing is held in 漳浦 (host = donor). "
  "福建省第十一批援寧工作隊 only in 黃水木's title -> no 福建->寧夏 row; 漳州市領導 praises, no 漳州 row. Cut off."),
 ('011',
  'https://zhoubiango.com/xinwen/9487.html',
  '廣東茂名與廣西來賓深化產業合作',
  '',
  'traditional',
  "粵桂 扶貧協作, city pair 茂名 -> 來賓 and county pair 信宜 -> 忻城. Undated page; '2017年以來' gives start year 2017 for the city pair and its funding; '兩年來' no year. Org at place: 廣東茂名健康職業學院 (and 茂名幼兒師范 '金秀班') "
  "-> 金秀縣 gives 茂名市 -> 金秀瑶族自治县 (one row). 信宜市職業技術學校 '信宜班' restates 信宜 -> 忻城 (same kind as the bamboo row, no extra row). 粵桂 label -> no province row. Cut off."),
 ('012',
  'https://bkwk.cn/article/jmdazqlxjrgcfzxpz-a15780929.html',
  '都安与肇庆携手 东西部协作 (guess)',
  '',
  'simplified',
  "粤桂 东西部协作, an auto-written explainer (undated). 宝安区 -> 都安 (agreement 2016, '自2016年以来 … 签订'). TRAP/JUDGMENT: the article also pairs 都安 with 肇庆 ('都安与肇庆携手合作'), which the text states, so 肇庆市 -> 都安 is "
  "a row although 都安's real partner is 宝安; 肇庆/鼎湖区 -> 昭平县 as stated. '深圳市、宝安区发动10个' is cut off before its recipient -> no 深圳 row. Direction east->west (广东 side donor) throughout."),
 ('013',
  'http://bbs.hechuanzx.com/showtopic.aspx?page=end&topicid=15305',
  '重庆市实验中学与放珠中学签订教育帮扶协议 (guess)',
  '',
  'simplified',
  "School pairing, 重庆 -> 贵州 毕节 (民盟 一校一策). Forum copy with every year number stripped ('年,在民盟中央…', '年8月', '海拔近米') -> no years anywhere; month/day '4月22日' kept. Org at place: 重庆市实验中学 is called '巴南名校' "
  "-> donor 巴南区 (not 重庆市); 放珠中学 in 七星关区放珠镇 -> 七星关区. '巴南、万州、九龙坡、合川4区民盟' -> one 'other' row per district. 民盟中央/民盟重庆市委会 arrange only, no rows."),
 ('014',
  'https://investchn.com/index.php/home/news/detail/id/277548.html',
  '平阳县党政代表团赴马尔康市开展对口支援活动 (guess)',
  '',
  'simplified',
  "浙川 对口支援 阿坝, written from the DONOR county's side: 我县/县 = 平阳 (from '平阳县-马尔康市对口支援高层联席会议' and 县长孟晓斌's speech), so 我县 is the donor here. Undated page: '6月28日' month/day only; '自去年5月建立对口支援关系' -> month "
  "5, no year. 温州市委/浙江省委 only assign the task -> no row. Funding figure cut off ('820'). Host investchn.com has other urls in earlier sets; this url is new."),
 ('015',
  'http://www.shamrocksforshannon.com/news/zjc/2014072514542698767.htm',
  '天津港保稅區管委會考察組來張家川考察對口幫扶 (guess)',
  '',
  'traditional',
  "津甘 对口帮扶, 天津港保稅區 -> 張家川. JUDGMENT: the url id begins 20140725… but is a timestamp-like id, not a clear date in the page -> treated as undated (like realset2 029 reading A); '7月24日' month/day only. "
  "Org at place: 天津港保稅區管委會 -> 天津市 (the zone is not in the gazetteer; 濱海新區 is not named). Visit and framework agreement the same day ('下午召開了座談會,會上簽訂了…'). Glosses kept. Cut off."),
 ('016',
  'http://www.981608.com/gonglue/8529.html',
  '春天里,龙粤跨越千里频合作',
  '2023-04-07',
  'simplified',
  '对口合作 黑龙江<-广东 with four city pairs named only through tourism promotion events (绥化 in 湛江, 黑河 in 珠海, 鹤岗 with 汕头, 牡丹江 in 东莞). The recipient cities travel to their partner cities, so the rows are '
  "still donor (广东 side) -> recipient (黑龙江 side) visits. '4月3日,同一天' dates the three 4月3日 events. 黑河 and 牡丹江 event names carry '2023'; 湛江/绥化 and 鹤岗/汕头 get the year from the page date ([rel]). 广州 = "
  "venue of the province-level event. JUDGMENT: '黑龙江省十三地市纷纷南下广东' is an unspecific aggregate, so there is no row. TRAP: '海誓“汕”盟·“鹤”你相约' names the pair only through a pun slogan plus '鹤岗市汕头旅游(招商)推介会'. "
  'Page cut off mid-word.'),
 ('017',
  'https://heihe.dbw.cn/system/2021/05/11/058642526.shtml',
  '黑河市政府代表团赴珠海开展对口合作交流',
  '2021-05-11',
  'simplified',
  "对口合作 黑河<-珠海. Publication date from the URL (the page text shows none). '5月9日至10日' -> 2021-05-09 ([rel], start day). The '10日' 座谈会 is part of the same visit, so there is no separate row. '市' in "
  "'市委副书记、市长李世峰' = 黑河 (byline of a 黑河 paper). 2020 cooperation row. 广东<-黑龙江 is the framework (pairing_start, undated). Planned 中医药产业园 is a wish ('希望…积极推动'), so there is no park row. Cut off "
  'mid-sentence.'),
 ('018',
  'http://djbakabsam.com/ljxw/content/2024-10/21/content_808006.html',
  '深哈產業園 北方深圳的氣質 (guess)',
  '2024-10-21',
  'traditional',
  '对口合作 哈尔滨<-深圳. Traditional with converter pinyin glosses (產(chǎn)) kept. Publication date from the URL. 2017年3月 pairing (State Council plan), 2019-05-09 park agreement, 2019-09 park construction '
  "start (同年9月). '近日' is the reporter's visit, not an event. '經過5年' not computed. 哈爾濱新區 is inside 哈尔滨 (no separate row)."),
 ('019',
  'https://zhihui.66wz.com/system/2023/11/28/105611632.shtml',
  '吉林经开区来平阳县开展对口合作 实现更高水平互利共赢',
  '2023-11-28',
  'simplified',
  "浙吉 对口合作 at county level: 平阳县 (浙江) with 吉林经济开发区. Short. The recipient delegation visits the donor. JUDGMENT: '吉林经开区' (an organisation) gives the place 吉林市 (220200), not 吉林省. 11月23日 -> 2023-11-23 "
  '([rel]). 昆阳镇上林垟村 and 浙江一鸣食品 are places visited inside 平阳 (no rows).'),
 ('020',
  'https://big5.cri.cn/gate/big5/jl.cri.cn/20180423/619689a8-cf90-3743-8744-6df93f5e472d.html',
  '吉浙兩省對口合作有序展開',
  '2018-04-23',
  'traditional',
  "浙吉 对口合作 (province level). '去年以來' -> 2017 ([rel]). The signed projects (89个) are undated. The 2月5日 start of the 吉林化纖/浙江精功 carbon-fibre line is called '吉林省與浙江省對口合作成果中的一個縮影' -> 浙江省 -> 吉林省 2018-02-05 "
  "[rel] (audit; was a company row). Company rows with empty donor adcodes: 螞蟻金服 -> 長春, 阿裏集團 -> 吉林省 (both listed among the 吉浙 results). TRAP: '推動年産5000台新能源客車…落地延邊' names no donor, so there is no 延边 "
  "row. '兩省40名幹部挂職交流' is a two-way exchange already covered by the pair (no extra row). 吉林日報 dateline '4月22日訊' is the report date."),
 ('021',
  'https://jl.cri.cn/20180413/4b214a4a-a099-4986-2541-bebda68b74cc.html',
  '国家发改委发文介绍天津市与长春市对口合作成效及经验做法',
  '2018-04-13',
  'simplified',
  "对口合作 长春<-天津. 2016年11月: the 长春 delegation visits 天津, and the row is still donor 天津 -> 长春. The 天津 vice-mayors' trip to 长春 is undated, so it has its own visit row. The 4月11日 NDRC publication and the "
  "'4月12日讯' dateline are not pairing events. Page cut off."),
 ('022',
  'http://ln.news.cn/20250123/004bdc732e0f4ebd92f46bb836c76455/c.html',
  '沈阳·中关村京沈协同创新合作交流活动 (guess)',
  '2025-01-23',
  'simplified',
  "京沈 对口合作. Publication date from the URL; '1月22日' -> 2025-01-22 ([rel]). TRAP: 铁西区 is the VENUE (and ambiguous: 沈阳/鞍山/四平 all have one); the recipient is 沈阳. 联东U谷·和平未来智造谷 carries '和平' (沈阳和平区) only "
  "in a project name: no row. 中关村沈阳科技园 -> park row 北京->沈阳 (undated). 清华大学/首农集团/首旅集团 are organisation donors. '七批163名' is mutual cadre exchange (team_arrival, undated)."),
 ('023',
  'https://oq0ed.hznaoa.cn/article/dptfhw7866696',
  '北塔山的“山西元素”',
  '2025-07-23',
  'simplified',
  "援疆 山西 -> 兵团第六师北塔山牧场. Spam header ('_哔哩哔哩_bilibili') kept. JUDGMENT: 第六师 is recorded as 五家渠市 (659004), because the division and the city are one unit (师市合一), as realset2 031 did for 第五师双河市. "
  "Reading B: the text never names 五家渠, so leave the recipient as the organisation '第六师北塔山牧场' with no adcode. 晋中市 pairing 2013 ('2013年始'). '十余年' is not computed. '预计于2025年9月投入使用' is a future "
  "completion date, so the funding row has no year. The cadre title '山西援疆干部、第六师北塔山牧场副场长' is not a separate row. 昌吉 is the dateline only."),
 ('024',
  'http://news.big5.enorth.com.cn/system/2014/09/24/012167171.shtml',
  '山西對口援建兵團六師 (guess)',
  '2014-09-24',
  'traditional',
  "援疆 山西 -> 兵团第六师 (五家渠市, stated: '六師師部所在地五家渠市') and 阜康市 (晉商工業園區 -> park). Publication date from the URL. '近日' -> 2014 ([rel]) for 團山西省委 pairing its 地市團委 with 六師團場: 團山西省委 is an organisation at a "
  'named place -> 山西省 (audit; was an organisation donor). The companies 山西焦煤/同煤/太鋼 investing in 阜康 get no rows: they invest and do not aid, though the text counts this as an 援疆 outcome. 晉阜幼兒園 is '
  "covered by the 山西->阜康 pair. 運城 is a volunteer's hometown (no row; a hometown is not a donor)."),
 ('025',
  'http://www.360elib.com:2027/detail.aspx?NewsCode=NC3010&NewsId=73566502&OrgId=001',
  '湖南省党政代表团来疆考察对接对口支援与合作发展工作',
  '',
  'simplified',
  "援疆 湖南 -> 新疆/吐鲁番. Newspaper continuation page ('上接1版'). '日期:09-07' has no year and is the page date, not the visit date, so the page counts as undated and the visit rows have no date. 兵团第十二师221团 "
  "has no city in the gazetteer: it is an organisation recipient with no adcode. TRAP: 乌鲁木齐市 and 巴州若羌县 are visited for industry/new-energy projects and are not 湖南's counterparts, so there are no "
  "rows. '湖南将…加大项目资金投入' is future (no row)."),
 ('026',
  'http://ranfinancial.com/showbook/127509/1867457.html',
  '大漠高歌:中國新時代援疆紀實 第一章 大國構想',
  '',
  'traditional',
  "援疆 book chapter (reportage), traditional with pinyin glosses and '??' artefacts kept. No date anywhere. '19個省市對口支援新疆' -> group donor row. 浙江 -> 阿克蘇 (figurative '錢塘江的潮水涌向阿克蘇') and 湖州 -> 柯坪 "
  "('援疆人奔赴' -> team_arrival). '20年來' not computed. Short on pairs; long literary text."),
 ('027',
  'https://m.163.com/dy/article/KIMH0P5G055647HN.html',
  '34万干部下沉、13市全部百强:江苏如何破解区域发展难题',
  '',
  'simplified',
  '江苏 南北挂钩/共建园区 (intra-province). No publication date in the page. Co-built parks named after both partners -> park rows (as realset2 016 reading A): 苏宿 (2006), 无锡连云港, 常州盐城, 宁淮 (宁 = 南京, 淮 = 淮安), '
  "吴江泗阳 (county pair). 1994 '苏南发达县与苏北贫困县结对帮扶' is a group row with no adcodes. TRAP: '苏锡常三市…竞争' is competition, not aid. The GDP figures of 苏州 and 宿迁 are not events. '2024年迎来爆发式增长' is not a park "
  'date.'),
 ('028',
  'https://www.xuehua.us/a/5ebee7327ef6233ada908f76?lang=zh-hk',
  '鄖陽區與北京東城區 南水北調對口協作 (guess)',
  '',
  'traditional',
  "南水北调 对口协作 北京 -> 十堰, 东城区 -> 郧阳区. Traditional (zh-hk conversion). No date shown. '下派' means the district SENDS the cadre, so there is a team_arrival row for 东城->郧阳. '自2014年北京十堰對口協作以來' -> pairing "
  "2014, and the 8000萬 funding to 郧阳 gets 2014 (range start); donor 北京市 as stated ('北京十堰對口協作'). The 3000萬 that '區委、區政府累計劃撥' is the district spending its own allocation (no row). '近日' has no page "
  'date, so it is not resolved.'),
 ('029',
  'http://news.cnhan.com/html/hubei/20161202/760829.htm',
  '北京派10名挂职干部履新十堰 一人任市委常委副市长',
  '2016-12-02',
  'simplified',
  "南水北调 对口协作 北京 -> 十堰 + an enumeration of 9 对口县市区. The page date is 2016-12-02, but the text gives '昨天(11月29日)' explicitly; 11-29 is used (year from the page date, [rel]). '郧县' is the old name of "
  "today's 郧阳区 (420304). '武当山特区' is not in the gazetteer (a special zone) -> no adcode. 2014年8月 cadre exchange. '北京市民族事务委员会' is a cadre's home unit (no row). Cut off."),
 ('030',
  'https://hb.cri.cn/2024-10-23/ae99c976-6236-b0d5-9ef0-4547258718d5.html',
  '全国对口支援湖北三峡库区32年 超2000亿元资金焕新库区风貌',
  '2024-10-23',
  'simplified',
  "对口支援三峡库区 (湖北 part). JUDGMENT: '北京、上海、广东、江苏、湖南、黑龙江、青岛、大连、武汉八省市…启动对口支援湖北省夷陵区、秭归县、兴山县和巴东县' (1992) does not say which donor pairs with which county, so the group (no adcode) -> each of the 4 "
  'counties, and each of the 9 named donors -> 湖北省, the certain recipient (audit; the same call as 001: 宝山区/嘉定区 -> 迪庆州, 上海 -> each county). No donor -> county rows (the 9x4 cross product states '
  "pairs the text does not state). 武汉 -> 湖北省 is within the province but listed by the text. The text says '八省市' but lists nine names. 静安区 -> 夷陵区: '上海静安区对中堡' (中堡村 in 夷陵区 beside the dam; the village "
  "rolls up to its county), undated; the 上海-level quote '上海的对口支援让村里面貌大变化' is the same event at a less specific level. '4年前' is inside a quote with no anchor. 宜昌 = venue of the 10月23日 meeting (no "
  'row). Cut off mid-sentence.')]
with open(R / "sources.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(["doc", "url", "title_guess", "publication_date", "script", "notes"]); w.writerows(S)
with open(R / "meta.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(["doc", "url", "title", "publication_date"])
    for d, u, t, p, *_ in S: w.writerow([d + ".txt", u, t, p])
print(len(S), "sources")
