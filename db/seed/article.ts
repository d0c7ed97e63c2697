/**
 * Everything here comes from ../shared/source/china-auto-forum-2024.txt, the only source for real
 * people, their words and the figures. Nothing beyond what the article says is attributed to anyone.
 * The article gives no Chinese forms of the names, so the pinyin stands in both languages.
 */

export const event = {
  slug: "caf2024",
  path: "2024",
  isCurrent: true,
  nameEn: "2024 China Auto Forum",
  nameZh: "2024中国汽车论坛",
  // The article says "Jiading District"; that it lies in Shanghai is common knowledge, not a citation.
  venueEn: "Jiading District, Shanghai",
  venueZh: "上海市嘉定区",
  timeZone: "Asia/Shanghai",
  startDate: "2024-07-11",
  endDate: "2024-07-13",
  expectedAttendees: 200,
  // The article: "over 200 industry leaders and professionals" on the sector's development.
  introEn:
    "Over 200 industry leaders and professionals meet to talk about the sustainable and high-quality development of the auto sector.",
  introZh: "200余位行业领袖和专业人士齐聚一堂，共话汽车产业可持续、高质量发展。",
};

/** The article names no publisher and no address, so neither is recorded. */
export const article = {
  key: "article",
  publisher: null,
  title: "Industry experts address auto sector's sustainability",
  publishedOn: "2024-07-25",
  url: null,
};

/**
 * The real people the article names, with their titles as written. They are named in the source
 * (the seed sets their `source_id`): their pages show who they are and what the article reports
 * them saying, and none of them is ever linked to a session of the (illustrative) program.
 * The article gives neither a Chinese form of their names nor Chinese titles: the pinyin stands in
 * both languages, and the Chinese titles and organisation names are the site's rendering, shown
 * as such.
 */
export const people = [
  {
    slug: "wang-yao",
    nameEn: "Wang Yao",
    nameZh: null,
    titleEn: "Deputy chief engineer",
    titleZh: "副总工程师",
    organisationEn: "China Association of Automobile Manufacturers",
    organisationZh: "中国汽车工业协会",
    bioEn:
      "Deputy chief engineer of the China Association of Automobile Manufacturers. The article on the 2024 China Auto Forum reports what Wang Yao said about Internet-connected and intelligent new-energy vehicles.",
    bioZh: "中国汽车工业协会副总工程师。关于2024中国汽车论坛的报道记述了Wang Yao就网联化、智能化新能源汽车所说的话。",
  },
  {
    slug: "liu-jining",
    nameEn: "Liu Jining",
    nameZh: null,
    titleEn: "Chief financial officer",
    titleZh: "首席财务官",
    organisationEn: "Ji Yue Auto",
    organisationZh: "极越汽车",
    bioEn:
      "Chief financial officer of Ji Yue Auto. The article on the 2024 China Auto Forum quotes Liu Jining on the export of software and intelligent features and on autonomous vehicles in Jiading.",
    bioZh: "极越汽车首席财务官。关于2024中国汽车论坛的报道引述了Liu Jining关于软件与智能功能出海以及嘉定自动驾驶车辆的话。",
  },
  {
    slug: "lu-fangzhou",
    nameEn: "Lu Fangzhou",
    nameZh: null,
    // The article names the office only: "Party secretary of Jiading", no separate organisation.
    titleEn: "Party secretary of Jiading",
    titleZh: "嘉定区委书记",
    organisationEn: "",
    organisationZh: "",
    bioEn:
      "Party secretary of Jiading. The article on the 2024 China Auto Forum reports, in its own words, what Lu Fangzhou said about the district's development; it does not say that Lu Fangzhou spoke at the forum.",
    bioZh: "嘉定区委书记。关于2024中国汽车论坛的报道以转述方式记述了Lu Fangzhou对嘉定发展的介绍；报道并未说明其曾在论坛上发言。",
  },
] as const;

export const topicList = [
  { slug: "intelligent-connected", nameEn: "Intelligent connected vehicles", nameZh: "智能网联汽车" },
  { slug: "nev", nameEn: "New-energy vehicles", nameZh: "新能源汽车" },
  { slug: "exports", nameEn: "Exports and global markets", nameZh: "出海与全球市场" },
  { slug: "software", nameEn: "Software", nameZh: "软件" },
  { slug: "autonomous-driving", nameEn: "Autonomous driving", nameZh: "自动驾驶" },
  { slug: "industrial-parks", nameEn: "Industrial parks", nameZh: "产业园区" },
] as const;

type TopicSlug = (typeof topicList)[number]["slug"];

/**
 * The article's direct quotes word for word (a comma that closes a quote before its attribution is
 * left out, nothing is added), each sentence it quotes on its own, and its reported
 * speech as paraphrases (never shown in quotation marks), each the article's own words for what
 * the person said. In article order. The article does not say in which session anything was said,
 * so no quote names one. Chinese versions are the site's translations and are shown as such.
 */
export const quoteList: {
  speaker: (typeof people)[number]["slug"];
  kind: "direct" | "paraphrase";
  text: string;
  translation: string;
  topics: TopicSlug[];
}[] = [
  {
    speaker: "wang-yao",
    kind: "paraphrase",
    text: "The majority of the new NEV models are now Internet-connected and intelligent.",
    translation: "大多数新推出的新能源汽车车型如今已具备网联化和智能化功能。",
    topics: ["intelligent-connected", "nev"],
  },
  {
    speaker: "wang-yao",
    kind: "direct",
    text: "These features enhance the consumer experience and drive the long-term development of our NEVs",
    translation: "这些功能提升了消费者体验，并推动我国新能源汽车的长期发展。",
    topics: ["intelligent-connected", "nev"],
  },
  {
    speaker: "liu-jining",
    kind: "direct",
    text: "Chinese car manufacturers will export not only vehicles but also software and intelligent features, allowing global consumers to experience the innovative appeal of China’s automotive industry",
    translation:
      "中国汽车制造商出口的将不仅是整车，还有软件和智能功能，让全球消费者感受中国汽车产业的创新魅力。",
    topics: ["exports", "software"],
  },
  {
    // "According to Lu Fangzhou" governs this sentence only: the article states the parks that follow
    // in its own voice.
    speaker: "lu-fangzhou",
    kind: "paraphrase",
    text: "The district has been accelerating its development as a core area of a global automobile industry hub.",
    translation: "嘉定正加快建设全球汽车产业中心核心区。",
    topics: ["industrial-parks"],
  },
  {
    // Two sentences quoted separately, "said Liu with Ji Yue Auto" between them: two quotes.
    speaker: "liu-jining",
    kind: "direct",
    text: "Recently, Apollo Go has captured the public’s interest",
    translation: "最近，Apollo Go引起了公众的关注",
    topics: ["autonomous-driving"],
  },
  {
    speaker: "liu-jining",
    kind: "direct",
    text: "However, if you visit Jiading, you’ll notice that high-level autonomous vehicles like Apollo Go are a common sight in the streets.",
    translation: "不过，如果你来嘉定，就会发现像Apollo Go这样的高级别自动驾驶车辆在街头随处可见。",
    topics: ["autonomous-driving"],
  },
];

/**
 * The figures as the article states them: `value` and `unitEn` together are the article's words
 * (a percent sign stands for its "percent"), and the labels use its wording, hedges included.
 */
export const figureList: {
  slug: string;
  value: string;
  valueZh?: string;
  unitEn: string;
  unitZh: string;
  labelEn: string;
  labelZh: string;
}[] = [
  {
    slug: "nev-sales-2023",
    value: "9.5",
    valueZh: "950",
    unitEn: "million units",
    unitZh: "万辆",
    labelEn: "China's NEV sales in 2023, more than 60 percent of the global market share",
    labelZh: "2023年中国新能源汽车销量，占全球市场份额60%以上",
  },
  {
    slug: "nev-sales-h1-2024",
    value: "4.94",
    valueZh: "494",
    unitEn: "million units",
    unitZh: "万辆",
    labelEn: "NEV sales in the first half of 2024, up 32 percent year over year",
    labelZh: "2024年上半年新能源汽车销量，同比增长32%",
  },
  {
    slug: "nev-share-h1-2024",
    value: "35.2",
    unitEn: "%",
    unitZh: "%",
    labelEn: "NEV market share in the first half of 2024",
    labelZh: "2024年上半年新能源汽车市场占有率",
  },
  {
    slug: "nev-sales-2024-expected",
    value: "11.5",
    valueZh: "1150",
    unitEn: "million units",
    unitZh: "万辆",
    labelEn: "NEV sales expected by the end of 2024",
    labelZh: "预计2024年全年新能源汽车销量",
  },
  {
    slug: "jiading-output",
    value: "231.84",
    valueZh: "2318.4",
    unitEn: "billion yuan (US$31.91 billion)",
    unitZh: "亿元（约合319.1亿美元）",
    labelEn: "Output of Jiading's \"new four modernizations\" auto sector last year",
    labelZh: "嘉定汽车“新四化”产业去年总产值",
  },
  {
    slug: "jiading-platforms",
    value: "Some 200",
    valueZh: "约200",
    unitEn: "research and development platforms",
    unitZh: "个研发平台",
    labelEn: "Involved in the \"new four modernizations\" of the car industry, with more than 600 businesses",
    labelZh: "参与汽车产业“新四化”，参与的企业另有600余家",
  },
  {
    slug: "jiading-autonomous-fleet",
    value: "639",
    unitEn: "autonomous vehicles",
    unitZh: "辆自动驾驶车辆",
    labelEn: "Testing and demonstrating in Jiading, from 21 businesses including AutoX and Baidu",
    labelZh: "在嘉定开展测试和示范的自动驾驶车辆，来自包括AutoX和百度在内的21家企业",
  },
];
