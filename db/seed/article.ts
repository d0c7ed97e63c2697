/**
 * Everything here comes from ../shared/source/china-auto-forum-2024.txt, the only source for real
 * people, their words and the figures. Nothing beyond what the article says is attributed to anyone.
 * The article gives no Chinese forms of the names, so the pinyin stands in both languages.
 */

export const event = {
  slug: "caf2024",
  nameEn: "2024 China Auto Forum",
  nameZh: "2024中国汽车论坛",
  venueEn: "Jiading District, Shanghai",
  venueZh: "上海市嘉定区",
  timeZone: "Asia/Shanghai",
  startDate: "2024-07-11",
  endDate: "2024-07-13",
  expectedAttendees: 200,
};

/** The article names no publisher and no address, so neither is recorded. */
export const article = {
  key: "article",
  publisher: null,
  title: "Industry experts address auto sector's sustainability",
  publishedOn: "2024-07-25",
  url: null,
};

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
      "Deputy chief engineer of the China Association of Automobile Manufacturers, who spoke at the 2024 China Auto Forum about connected and intelligent new-energy vehicles.",
    bioZh: "中国汽车工业协会副总工程师，在2024中国汽车论坛上谈及网联化、智能化的新能源汽车。",
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
      "Chief financial officer of Ji Yue Auto, who spoke at the 2024 China Auto Forum about exports of software and intelligent features and about autonomous vehicles in Jiading.",
    bioZh: "极越汽车首席财务官，在2024中国汽车论坛上谈及软件与智能功能出海以及嘉定的自动驾驶车辆。",
  },
  {
    slug: "lu-fangzhou",
    nameEn: "Lu Fangzhou",
    nameZh: null,
    titleEn: "Party secretary of Jiading",
    titleZh: "嘉定区委书记",
    organisationEn: "Jiading District",
    organisationZh: "嘉定区",
    bioEn:
      "Party secretary of Jiading, cited in the article on the district's development as a core area of a global automobile industry hub.",
    bioZh: "嘉定区委书记。报道援引其介绍嘉定加快建设全球汽车产业中心核心区的情况。",
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
 * The three direct quotes word for word, and Lu Fangzhou's reported speech as a paraphrase.
 * The article does not say in which session anything was said, so no quote names one.
 * Chinese versions are our translations and are shown as such.
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
    kind: "direct",
    text: "These features enhance the consumer experience and drive the long-term development of our NEVs.",
    translation: "这些功能提升了消费者体验，并推动我国新能源汽车的长期发展。",
    topics: ["intelligent-connected", "nev"],
  },
  {
    speaker: "liu-jining",
    kind: "direct",
    text: "Chinese car manufacturers will export not only vehicles but also software and intelligent features, allowing global consumers to experience the innovative appeal of China’s automotive industry.",
    translation:
      "中国汽车制造商出口的将不仅是整车，还有软件和智能功能，让全球消费者感受中国汽车产业的创新魅力。",
    topics: ["exports", "software"],
  },
  {
    speaker: "liu-jining",
    kind: "direct",
    // The article interrupts this quote with its attribution; the ellipsis marks where.
    text: "Recently, Apollo Go has captured the public’s interest … However, if you visit Jiading, you’ll notice that high-level autonomous vehicles like Apollo Go are a common sight in the streets.",
    translation:
      "最近，萝卜快跑引起了公众的关注……不过，如果你来嘉定，就会发现像萝卜快跑这样的高级别自动驾驶车辆在街头随处可见。",
    topics: ["autonomous-driving"],
  },
  {
    speaker: "lu-fangzhou",
    kind: "paraphrase",
    text: "The district has been accelerating its development as a core area of a global automobile industry hub, and has built high-quality industrial parks, including an Automotive Chip Valley and an Intelligent Vehicle Software Park.",
    translation:
      "嘉定正加快建设全球汽车产业中心核心区，已建成一批高质量产业园区，包括汽车芯片谷和智能汽车软件园。",
    topics: ["industrial-parks"],
  },
];

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
    labelEn: "China's NEV sales in 2023, over 60 % of the global market",
    labelZh: "2023年中国新能源汽车销量，占全球市场份额60%以上",
  },
  {
    slug: "nev-sales-h1-2024",
    value: "4.94",
    valueZh: "494",
    unitEn: "million units",
    unitZh: "万辆",
    labelEn: "NEV sales in the first half of 2024, up 32 % year over year",
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
    value: "200",
    unitEn: "R&D platforms",
    unitZh: "个研发平台",
    labelEn: "Research and development platforms in the \"new four modernizations\", with more than 600 businesses",
    labelZh: "参与汽车“新四化”的研发平台约200个，企业600余家",
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
