/** What the seeded forum shows, per language: the expectations the specs share. */
export const locales = ["en", "zh-CN"] as const;
export type Locale = (typeof locales)[number];

export const SOURCE_TITLE = "Industry experts address auto sector's sustainability";

export const site = {
  en: {
    siteName: "2024 China Auto Forum",
    dates: "11–13 July 2024",
    venue: "Jiading District, Shanghai",
    viewAgenda: "See the full agenda",
    register: "Register to attend",
    switchTo: "阅读中文版",
    figuresHeading: "Key figures",
    pastHeading: "The forum has ended",
    citationPrefix: `Source: “${SOURCE_TITLE}”`,
    notFound: "Page not found",
    days: ["Thu 11 Jul", "Fri 12 Jul", "Sat 13 Jul"],
    dayLong: ["Thursday 11 July 2024", "Friday 12 July 2024", "Saturday 13 July 2024"],
    search: "Search",
    track: "Track",
    type: "Type",
    room: "Room",
    clear: "Clear filters",
    cancelled: "Cancelled",
    sessionsOnDay: (n: number) =>
      n === 0
        ? "No sessions on this day"
        : n === 1
          ? "1 session on this day"
          : `${n} sessions on this day`,
    quoteCount: (n: number) => (n === 0 ? "No quotes" : n === 1 ? "1 quote" : `${n} quotes`),
    quoteSearch: "Search quotes",
    speaker: "Person",
    topic: "Topic",
    direct: "Direct quote",
    paraphrase: "Paraphrase (reported speech, not a quotation)",
    permalink: "Permalink",
  },
  "zh-CN": {
    siteName: "2024中国汽车论坛",
    dates: "2024年7月11日至13日",
    venue: "上海市嘉定区",
    viewAgenda: "查看完整议程",
    register: "报名参会",
    switchTo: "Read in English",
    figuresHeading: "关键数据",
    pastHeading: "论坛已圆满落幕",
    citationPrefix: `来源：《${SOURCE_TITLE}》`,
    notFound: "页面不存在",
    days: ["7月11日周四", "7月12日周五", "7月13日周六"],
    dayLong: ["2024年7月11日星期四", "2024年7月12日星期五", "2024年7月13日星期六"],
    search: "搜索",
    track: "专题",
    type: "类型",
    room: "会场",
    clear: "清除筛选",
    cancelled: "已取消",
    sessionsOnDay: (n: number) => `当天共${n}场`,
    quoteCount: (n: number) => `共${n}条`,
    quoteSearch: "搜索观点",
    speaker: "人物",
    topic: "主题",
    direct: "直接引语",
    paraphrase: "转述（间接引语，非原话）",
    permalink: "永久链接",
  },
} as const;

/** Session titles per day, in the order the agenda lists them (by start, then room). */
export const day1 = [
  "Opening Ceremony",
  "Keynote: The NEV Market and Intelligent Connected NEVs",
  "Coffee Break",
  "Keynote: Jiading as a Core Area of a Global Automobile Industry Hub",
  "Panel: Sustaining Growth in China's NEV Market",
  "Lunch",
  "Panel: Sustainable, High-Quality Development of the Auto Sector",
  'The "New Four Modernizations": Electrification, IoT, Intellectualization and Sharing',
  "Site Visit: Automotive Chip Valley",
  "Building a Local Ecosystem for Automotive Chips",
  "Workshop: Software-Defined Vehicle Architecture",
];

export const day2First = "Keynote: Intelligent Connected Vehicles and the Software Behind Them";
export const day3First = "Keynote: Automotive Chips and the Intelligent Vehicle";
export const cancelledTitle = "Workshop: Data Security for Connected Vehicles";
export const cancelledSlug = "workshop-connected-vehicle-data-security";
