"""Writes sources.csv and meta.csv for rs15 (docs 001-030: rs15a's 001-015 and rs15b's 016-030, merged)."""
import csv, pathlib
R = pathlib.Path(__file__).resolve().parent.parent
S = [
("001","http://www.bankketab.com/news/songtaowang_20253786189.html","廣東省粵黔協作工作隊銅仁組率東莞掛職干部到松桃調研 (guess)","","traditional",
 "粤黔 (东莞->铜仁), receiving-side county news ('我縣' = 松桃: '調研組對松桃在東西部協作工作中…', URL 'songtaowang'). Converter glosses (協(xié)作) and the '|' debris kept. '3月6日' with no year -> month/day only; URL number '20253786189' is not a clear date -> undated. Donor of the visit = 东莞 (the travellers are 東莞掛職干部 of 銅仁 counties). JUDGMENT: 广东省->松桃 (other) from '我縣粵黔協作共建示范性學校、醫院' (粤 = 广东 by abbreviation). Second pass: 东莞->铜仁市 team_arrival (no year) from '銅仁市各縣(區)東莞掛職干部' (reading B: a description of the travellers, no row). No row for 广东->铜仁 from the team's name '廣東省粵黔協作工作隊銅仁組' (title only) nor for the exhortation '粵黔兩省攜起手來'."),
("002","http://gz.news.cn/20240205/371fc9b42f334907bfe792bef37711fa/c.html","惠州市第二批选派赴黔西南州挂职干部见面会在兴义召开 (新华网贵州, guess)","2024-02-05","simplified",
 "粤黔 (惠州->黔西南). Date from URL. '日前' -> 2024 only ([rel]). 兴义 = venue (a city of 黔西南), no separate row. 2021 pairing for both 广东->贵州 and 惠州->黔西南. First batch (23 cadres) has no stated year ('三年来' not computed). JUDGMENT: the 《粤黔东西部协作交接书》 (handover between batches) kept as an agreement row."),
("003","http://bg.zgcqxs.net/paper.asp?Aid=21223&Fid=12469","山东省德州市庆云县来秀对接东西部协作工作 (秀山电子报)","2023-10-28","simplified",
 "鲁渝 (庆云->秀山), recipient's e-paper; issue date '2023年10月28星期六' shown. TYPO in the page: '1025日' read as 10月25日 -> 2023-10-25 [rel]. 龙凤坝镇 is a 秀山 town -> 秀山县. 德城区->秀山 comes only from a headline in the issue's table of contents (no date for that visit). TRAP: '湖南省花垣县来秀调研' is a neighbour's visit, not pairing assistance (no row). '鲁渝协作' only as exhortation, no 山东->重庆 row. 鲁渝协作德州馆 is a venue."),
("004","http://www.tsrb.com.cn/xwzx/2023-01/03/content_235681252.html","甘谷县持续深化东西部协作工作","2023-01-03","simplified",
 "津甘 (东丽->甘谷), 天水日报/新天水. All rows 2022 (stated in text, not relative). Labour sent to 东丽 and cadres trained in 东丽 are recorded donor->recipient (other). JUDGMENT: 天津市->甘谷县 (other) from the 消费帮扶 with '天津终端市场' (reading B: no row, the markets are buyers not a donor government)."),
("005","http://www.0855ms.com/1211.html","无问西东——杭州与黔东南的东西部扶贫协作故事","","simplified",
 "杭黔 (杭州->黔东南), Xinhua feature on a 黔东南 local site; no date shown ('今年将全部实现脱贫', '两年前' unresolved). 杭州->从江 from the photo caption of 杭州东西部扶贫协作百香果示范基地 (other); 杭州->天柱 from the 挂职 cadre 胡彪 (到任天柱县, team_arrival). 2014年初/2019年底 are poverty statistics, not event years. Page cut off mid-title."),
("006","https://freewechat.com/a/MjM5MzAzMjY4MQ==/2652654114/3","东西部携手奏响扶贫交响曲 『附8篇扶贫协作乐章』 (微昭通/昭通日报)","2019-08-22","simplified",
 "粤滇 (东莞+中山->昭通), recipient's paper. Every row duplicated for 中山市 and 东莞市 (the text names both; the 工作组 is '由东莞、中山两市组成'). 罗坪村 is in 绥江县板栗镇 -> 绥江县. Odd in-word spaces from the PDF layout ('中 山', '以下简 称') kept, and evidence copies them. JUDGMENT: no row for 永善县 (水星坝 扶贫协作示范点 is probably one of the 10 demo points, but no donor is named for it). 广东省第五扶贫协作工作组 -> donors recorded as the two cities, not 广东省."),
("007","https://dbsqp.com/user/5/article/item/110055","上海广东协作帮扶,云南脱贫攻坚显成效 (央视新闻客户端 repost)","","simplified",
 "沪滇 + 粤滇, short. Footer '12-24 14:29' has no year -> undated; '去年' (上海 water project in 凤庆) unresolved. 广东->昭阳区 2017 from the shoe factory. 'LMLPHP' image-alt debris kept. Cumulative funding and 837 cadres give funding + team_arrival rows for both 上海 and 广东 -> 云南 (no year)."),
("008","https://liangshan.scol.com.cn/rdxw/201608/55611078.html","凉山州与广东省佛山市召开座谈会 加强东西扶贫协作 (凉山日报)","2016-08-12","simplified",
 "粤川 (佛山->凉山), recipient's paper. '8月10日至11日' -> 2016-08-10 (昭觉, 布拖); '11日' meeting -> 2016-08-11 [rel]. 西昌 = venue (州府) -> recorded as 凉山州. 广东->凉山 from the earlier '广东省对口凉山州扶贫协作座谈会' (no date). 怒江/临夏 appear only in a national policy list (no row)."),
("009","http://tjtfjx.com/html/xw/dzyw/23801.html","2010年,珠海與涼山締結東西扶貧協作關系;2014年,廣東—甘孜對口援藏工作啟動 (四川日報, guess)","","traditional",
 "粤川 + 广东援藏甘孜, written from the Sichuan side ('我省與廣東'). No date shown; '去年3月底前' unresolved. 2010 珠海->凉山 (note: 佛山 took over in 2016, not in this text). 2014/2014年8月 for 广东->甘孜; funding '2014年至2015年' -> 2014. TRAP: 2008 汶川 earthquake aid (广东->汶川县) is a separate programme but a stated pair. Clothing company is an organisation donor (no adcode); AUDIT: plus the place pair 广东省->甘孜 2015-10 (organisation at a named place). '川粵間' general statements give no 广东->四川 row. Cut off mid-sentence."),
("010","http://www.zhpump.com/html/xw/dzyw/81743.html","“再聚廣州﹒共敘發展”圣潔甘孜走進粵港澳大灣區活動在廣州成功舉行 (甘孜日報, guess)","2022-07-06","traditional",
 "广东援藏甘孜, recipient's paper ('我州' = 甘孜州); dateline '甘孜日報 2022年07月06日'. '2014年至2021年' -> 2014 for pairing, the two batches (34 people) and the 31 company contracts (廣東企業, organisation donor; AUDIT: plus the place pair 广东省->甘孜 2014). TRAP: the 7月2日 event is 甘孜 promoting itself IN 廣州 (venue; no aid event, no row); 深圳 appears only in an office name."),
("011","https://hbsztv.com/news/20240308/1065299.html","襄阳市考察团赴对口援藏的琼结县考察 (中国西藏网讯, guess)","","simplified",
 "援藏 (襄阳->琼结), 中国西藏网 text on a spam site whose SEO title ('襄阳市第九批援藏干部名单—2021年襄阳市援疆') is kept but gives no rows. TRAP: the URL date 20240308 is a repost date contradicted by the text (2017西藏•琼结吐蕃文化旅游节) -> no publication date; '近日' unresolved. JUDGMENT: the 8月3日 festival visit gets year 2017 from the festival's name (reading B: leave the year empty). 湖北省->山南市 only from a title ('湖北省第八批援藏工作队总领队') -> no row."),
("012","http://www.handmsg.com/page/2025/0727/29409416.shtml","上海援藏三十年:定日森嘎村震后重建 (guess)","2025-07-27","traditional",
 "援藏 (上海->日喀则, 定日). Date from URL (consistent with '截至7月12日'). 1995 start (上海->日喀则). TRAP: the 2025年1月7日 earthquake date is not a pairing date; 上海->定日 pairing has no year. '三十周年' not computed. 梁靚's rebuild site gives no separate row (his title is a post; the excerpt never says Shanghai funds 森嘎村)."),
("013","http://m.people.cn/n4/2024/0331/c1545-21015842.html","2024江苏对口支援西藏年度资金总计5.57亿元 实施援藏项目66个","2024-03-31","simplified",
 "援藏 (江苏->西藏/拉萨). Text repeated twice on the page (kept). '今年' -> 2024, '3月30日' -> 2024-03-30 [rel]. JUDGMENT: 墨竹工卡县 treated as a recipient (a project site meeting in a 江苏-aided county of 拉萨); reading B: venue only. No separate 江苏->拉萨市 row ('受到拉萨人民群众的好评' is praise, not an event)."),
("014","http://item.xjmsw.cn/yjzl/20160706/2016070618867.html","昆山今年援疆项目10月底竣工 (新疆民生网/昆山日报)","2016-07-06","simplified",
 "援疆 (昆山->阿图什). Date from URL. Year 2016 stated in text. The funding sentence names no recipient; 阿图什 is every project's place. TRAP: footer links '脑瘫患儿情牵豫新' and '边疆小村那涌动的温州情' are other articles (no rows). 阿扎克乡 is an 阿图什 township. Second pass: 昆山产业园 (in 阿图什, 2016) added as a park row."),
("015","http://www.shengxi.vip/u/?a=www.huyangnet.cn%2Fcontent%2F2021-01%2F08%2Fcontent_809652.html","黑龙江省对口支援十师北屯市工作纪实 (胡杨网/学习强国兵团平台)","2021-01-08","simplified",
 "援疆 兵团 (黑龙江->第十师北屯市, 659005). Page time 2021-01-08. No year for any aid event ('新一轮'); 2020年12月27日 is a factory scene, not an event. 一八三团 (a 十师 regiment, not a gazetteer place) gets no row of its own. Cut off mid-word."),
("016","http://qz.fjsen.com/2020-11/29/content_30558388.htm","泉州市对口帮扶5年投入5.26亿元","2020-11-29","simplified",
 "福建 山海协作 (giving side: 泉州晚报). Page shows 2020-11-29. Nine county pairs: seven from the 2012 decision ('2012年…确定我市7个…其中,鲤城区…') and two from the 2019 plan. '我市' = 泉州. TRAP: 莆田市城厢区->德化县 reverses the usual direction (泉州's own county is the RECIPIENT). '2016年以来 泉州市累计拨付对口帮扶资金5.26亿元' names no recipient (no row). Prefecture names (三明市/南平市/龙岩市/宁德市) only locate the recipient counties. Page cut off mid-sentence."),
("017","http://47.105.124.64:8003/zggjfpzxnj/2011njzw/ldxfpxzp/382809.shtml","江苏省——陕西省东西扶贫协作 (扶贫开发年鉴 2011, guess)","","simplified",
 "苏陕 annual summary (yearbook entry), many pairs. No publication date in the page ('2011njzw' in the url is the yearbook volume, not a date). JUDGMENT: the examples under 【基础设施建设扶贫】 get 2010 from that section's lead ('2010年援建学校乡村道路…桥梁7座'); a stricter reading leaves them undated. The 【生态农业扶持】 section states no year (无锡->子长 undated). RENAMED: 金坛市 -> 金坛区 (320413), 子长县 -> 子长市 (610681). '无锡市新区管委会' recorded as 无锡市 (the 新区 was a development zone, later 新吴区; reading B: 新吴区 320214). '铜川王益乡' rolled up to 王益区 (610202). 南京's 7 districts (栖霞/浦口/高淳…) are not tied one-to-one to 商州/洛南, so 南京市 is the donor. Cut off mid-word."),
("018","http://js.people.com.cn/BIG5/n2/2020/0821/c360301-34243043.html","徐州賈汪+無錫惠山:打造南北挂鉤合作新標杆","2020-08-21","traditional",
 "江苏 南北挂钩 (county pair + city pair). Page shows 2020年08月21日. The RECIPIENT (賈汪) travels to the donor (惠山): visit row still 惠山->賈汪. 2008 pairing start; '今年6月9日' -> 2020-06-09 (无锡->徐州 agreement); '20日下午' -> 2020-08-20. Park '無錫惠山區賈汪工業園' (in the 2020 agreement) dated with it. 無錫惠山經濟開發區/徐州工業園區 are zones (no extra rows)."),
("019","http://reliancefintube.com/News/1296052.html","天津市東麗區西部扶貧協作對口幫扶蘭州市皋蘭縣座談會 (guess)","","traditional",
 "津甘 东西部扶贫协作 (district->county). Converter pinyin glosses kept. No publication date: '近日'/'當天' stay unresolved; '皋蘭縣2019年脫貧攻堅' is context, not an event date. 蘭州市 only locates 皋蘭縣. Company deal 津都(天津)科技->甘肅鈣果 is cut off ('簽訂購(g'). AUDIT: it is one of the ceremony's 企業簽約, between organisations at named places -> 天津市->皋兰县 agreement (甘肅鈣果 is the 皋蘭縣 company of the second paragraph); the first annotator's reading (a purchase between companies, no row) is the other reading. Off-topic host (spam site)."),
("020","http://www.yhg994208.cn/news/zjc/2018012618334648736.htm","張家川縣黨政代表團赴天津北京對接東西部扶貧協作 (guess)","2018-01-26","traditional",
 "津甘 (張家川 delegation visits its donors). Publication date read from the url timestamp 20180126…; the text itself gives '2018年1月22日至25日' (visit rows start day 22) and '24日下午'. Donors: 天津港保稅區 (a bonded zone, kept as organisation with empty adcode; AUDIT: plus the place pair 天津市->张家川 it names, visit 2018-01-22 and other; reading B: 滨海新区), 濱海新區塘沽街道辦事處 -> 滨海新区 (subdistrict rolled up), 中國煤炭地質總局 (central organisation, empty adcode). JUDGMENT: '按照天津—甘肅總體部署' kept as 天津市->甘肃省 (other). 北京 = venue of 煤炭地質總局, not a donor place."),
("021","http://ndf191.com/p/2656201.html","廣州市越秀區送12名駐村干部到徐聞縣開展扶貧開發“雙到”工作 (guess)","","traditional",
 "广东 省内 扶贫开发 '双到' (广州越秀 -> 湛江徐闻). Short. No publication date: '7月31日至8月1日' gives month/day only (start day). '????' artefacts and pinyin glosses kept. Towns 南山鎮/新寮鎮 are in 徐聞縣 (no extra pair)."),
("022","http://big5.www.gov.cn/gate/big5/www.gov.cn/xinwen/2018-08/30/content_5317648.htm","浙江省紮實推進東西部扶貧協作工作","2018-08-30","traditional",
 "浙江 east-west summary (giving side, 浙江日報 via gov.cn big5). '今年' -> 2018 for funding and the 138 extra cadres, one row per named province. JUDGMENT: 黔東南/黔西南 rows come from '從浙江出發奔赴各地的挂職幹部…在黔東南…在黔西南' (kind other, undated). TRAP: '安吉白茶' is a tea name, not a stated 安吉->黔西南 pair (no row). '8月29日' is the meeting date (in 杭州, venue), not an assistance event."),
("023","http://blue-maple.cn/scxw/2022-03-10/163659.html","四川:各地幫扶計劃 3 月中旬前完成","2022-03-10","traditional",
 "四川 省内对口帮扶 (四川日報 repost). Page shows 2022年03月10日. Only one named pair: 廣安市->劍閣縣 funding '今年' -> 2022. '12個市和35個縣對口幫扶全省50個' is an unnamed aggregate (no row). '領隊杜海燕' is a title (no extra row). Garbled characters ('!捌渲校a業') kept; cut off."),
("024","http://jxxznews.zjol.com.cn/xznews/system/2018/05/17/030893858.shtml","秀洲区党政代表团赴若尔盖县“结亲”","2018-05-17","simplified",
 "浙川 (giving side: 嘉兴日报). Page shows 2018年5月17日; '近日' -> 2018 (year only). Towns 王江泾镇/新塍镇 (秀洲) -> 唐克镇 (若尔盖) rolled up to the county pair. '根据我省…工作安排' (浙江) gives no separate pair. Cut off mid-number."),
("025","https://www.panyu.gov.cn/gkmlpt/content/9/9802/post_9802424.html","番禺区副区长郭洪杰率队到五华县调研指导对口帮扶工作 (guess)","","simplified",
 "广东 省内 对口帮扶协作 (giving side: 番禺区政府 site). No publication date: '8月7日' -> month/day only. Donor '副区长'/'区慈善会'/'区商会' resolved to 番禺区 from the text ('番禺区派驻五华县工作队', '番禺与五华两地'). 梅林镇 is a 五华 town. Park '广州番禺(五华)产业转移园' (park, undated); '2023年度番禺组团帮扶单位援建项目' gives 2023. TRAP: '梅州五华(番禺)大湾区经贸发展中心' is a 五华 centre (in 番禺), not aid to 番禺: no row."),
("026","http://bbs.guiyangjklz.com/showtopic.aspx?page=end&topicid=9943","强国行六江苏扬州对口帮扶陕西榆林打造","","simplified",
 "苏陕 (扬州->榆林, 江都->子洲), forum repost of a 江都 account ('知行龙川'; '我区' = 江都区). No publication date ('7月24日' is the 学习强国 publication, no year). Numbers were stripped by the page ('年从绥德…划地建县', '捐款捐物达万元', '较年全年') - kept. JUDGMENT: '江苏省扬州市援陕医生杨长雨' is a person's home unit + role (no 扬州->子洲 row, same as realset2 003/012). Photo caption '江都教育代表团考察子洲' kept as a visit. AUDIT: '扬州市众驰针织有限公司…来子洲县…捐款捐物' adds 扬州市->子洲县 funding (an organisation at a named place, unlike the person 杨长雨)."),
("027","https://www.dg165.com/plus/view-58638-1.html","东西部协作|常平组团向玉屏捐赠帮扶资金80万元","","simplified",
 "粤黔 (东莞 town group -> 玉屏). No publication date ('日前'). TRAP: the donor's city is never named: 常平镇/谢岗镇/桥头镇 are 东莞 towns (no county level) -> rolled up to 东莞市 (441900); the group '常平组团' is also kept as an organisation row. 玉屏县 = 玉屏侗族自治县 (short form)."),
("028","http://kbcmw.com/html/xw/gxdt/35045.html","武侯区引导社会力量参与对口援助白玉县 (甘孜日报, guess)","2017-09-13","simplified",
 "四川 省内 对口援助 (成都武侯 -> 甘孜白玉). Short. Page shows '甘孜日报 2017年09月13日'; no event has a time word, so no dates. '20家区内民营企业' = 武侯区 enterprises -> place pair 武侯区->白玉县. Travel agency 四川蓉之旅国际旅行社 kept as organisation. '成都至甘孜州的旅游环线' is a route, not a pair."),
("029","http://www.cfgw.net.cn/epaper/content/201908/23/content_17726.htm","苏州宿迁签订吴江泗阳产业合作园区合作协议 (guess)","2019-08-23","simplified",
 "江苏 南北共建 (苏州->宿迁; park 吴江->泗阳). Publication date from the e-paper url (201908/23); '日前' -> 2019. The park pair comes from the agreement/park name '吴江泗阳产业合作园区' (泗阳 is the host; as realset2 016/028). '2020年~2024年' is a plan period (no event). 吴江区 is also the venue."),
("030","https://epaper.qingdaonews.com/qdrb/html/2024-01/29/content_144604_314532.htm","共绘“山海协作”新画卷 (青岛日报专版)","2024-01-29","simplified",
 "鲁甘 东西部协作 (giving side: 青岛日报). Date from the e-paper url. 2016 pairing 青岛->陇南. 崂山区->礼县 from '崂山区引进的…金伯利农场落地礼县' (other, undated). TRAP: '山海协作' here is a slogan for 青岛-陇南, not 福建's programme; '鲁甘两省' gives no separate event; 武都 appears only in a photo caption; company 青岛利和味道 uses 陇南 pepper (trade, no row). Cut off."),
]
with open(R / "sources.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["doc", "url", "title_guess", "publication_date", "script", "notes"])
    w.writerows(S)
with open(R / "meta.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["doc", "url", "title", "publication_date"])
    w.writerows([(s[0] + ".txt", s[1], s[2], s[3]) for s in S])
print(len(S), "sources")
