import type { SeedPerson, SeedRoom, SeedSession, SeedTrack } from "./types";

/**
 * An ILLUSTRATIVE program for the 2024 China Auto Forum (Jiading District, Shanghai, 11-13 July 2024).
 *
 * The source article (../../../shared/source/china-auto-forum-2024.txt) lists no sessions: the
 * rooms, times, titles and abstracts below are invented for demonstration. Facts that an abstract
 * mentions come only from the article. No real person is named in any title or abstract, no words
 * are attributed to anyone, and no real person is a speaker, moderator or panellist: the people of
 * this program are roles, not named people (`programPeople`).
 */
export const programNotice = {
  en: "This program is illustrative: the source article does not list the forum's sessions.",
  zh: "本议程仅为示意：原始报道未列出论坛的具体日程。",
} as const;

/** The people of the illustrative program: roles only, never a real person. */
export const programPeople: SeedPerson[] = [
  {
    slug: "moderator",
    nameEn: "Moderator",
    nameZh: "主持人",
    bioEn: "A role in the illustrative program, not a named person: the source article lists no sessions and names no moderator.",
    bioZh: "示意议程中的角色，并非具体人物：来源报道未列出议程，也未提及主持人。",
  },
  {
    slug: "jiading-chip-company-representative",
    nameEn: "Representative of a Jiading chip company",
    nameZh: "嘉定一家芯片企业的代表",
    bioEn: "A role in the illustrative program, not a named person: the source article lists no sessions and names no speakers for them.",
    bioZh: "示意议程中的角色，并非具体人物：来源报道未列出议程，也未提及任何演讲嘉宾。",
  },
  {
    slug: "carmaker-representative",
    nameEn: "Representative of a Chinese carmaker",
    nameZh: "一家中国车企的代表",
    bioEn: "A role in the illustrative program, not a named person: the source article lists no sessions and names no speakers for them.",
    bioZh: "示意议程中的角色，并非具体人物：来源报道未列出议程，也未提及任何演讲嘉宾。",
  },
];

export const rooms: SeedRoom[] = [
  { slug: "main-hall", nameEn: "Main Hall", nameZh: "主会场", capacity: 250 },
  { slug: "hall-a", nameEn: "Hall A", nameZh: "A厅", capacity: 120 },
  { slug: "hall-b", nameEn: "Hall B", nameZh: "B厅", capacity: 80 },
  {
    slug: "field",
    nameEn: "Demonstration Area & Off-site Visits",
    nameZh: "示范体验区及外出参观",
    capacity: 40,
  },
];

/** Every colour gives white text a contrast ratio of at least 4.5:1 (WCAG AA). */
export const tracks: SeedTrack[] = [
  { slug: "plenary", nameEn: "Opening & Keynotes", nameZh: "开幕与主旨演讲", color: "#1e3a8a" },
  {
    slug: "nev-market",
    nameEn: "NEV Market & Sustainability",
    nameZh: "新能源汽车市场与可持续发展",
    color: "#166534",
  },
  {
    slug: "connected-software",
    nameEn: "Intelligent Connected Vehicles & Software",
    nameZh: "智能网联汽车与软件",
    color: "#6b21a8",
  },
  { slug: "autonomous", nameEn: "Autonomous Driving", nameZh: "自动驾驶", color: "#b91c1c" },
  { slug: "chips", nameEn: "Automotive Chips", nameZh: "汽车芯片", color: "#92400e" },
  {
    slug: "global-markets",
    nameEn: "Global Markets & Exports",
    nameZh: "全球市场与出海",
    color: "#0e7490",
  },
];

const DAY1 = "2024-07-11";
const DAY2 = "2024-07-12";
const DAY3 = "2024-07-13";

const coffee = {
  titleEn: "Coffee Break",
  titleZh: "茶歇",
  abstractEn: "Coffee and refreshments outside the Main Hall.",
  abstractZh: "主会场外供应咖啡和茶点。",
};

const lunch = {
  titleEn: "Lunch",
  titleZh: "午餐",
  abstractEn: "Lunch break for all participants.",
  abstractZh: "全体与会者午餐及休息时间。",
};

export const program: SeedSession[] = [
  // ── Day 1: Thursday 11 July 2024 ─────────────────────────────────────────────────────────
  {
    slug: "opening-ceremony",
    type: "ceremony",
    day: DAY1,
    start: "09:00",
    end: "09:30",
    room: "main-hall",
    track: "plenary",
    titleEn: "Opening Ceremony",
    titleZh: "开幕式",
    abstractEn:
      "The forum opens in Jiading District, Shanghai, with a welcome to participants and an introduction to the three-day program on the sustainable, high-quality development of the auto sector.",
    abstractZh:
      "论坛在上海市嘉定区开幕。开幕式欢迎与会嘉宾，并介绍为期三天、围绕汽车产业可持续高质量发展的议程安排。",
  },
  {
    slug: "keynote-intelligent-connected-nev",
    type: "keynote",
    day: DAY1,
    start: "09:30",
    end: "10:15",
    room: "main-hall",
    track: "nev-market",
    titleEn: "Keynote: The NEV Market and Intelligent Connected NEVs",
    titleZh: "主旨演讲：新能源汽车市场与智能网联新能源汽车",
    abstractEn:
      "This keynote covers the new-energy vehicle (NEV) market and intelligent connected NEVs: the current state of the market and the place of connectivity and intelligent features in new models.",
    abstractZh:
      "本场主旨演讲聚焦新能源汽车市场和智能网联新能源汽车，内容涉及市场现状以及网联化、智能化功能在新车型中的应用。",
  },
  {
    slug: "coffee-break-day-1",
    type: "break",
    day: DAY1,
    start: "10:15",
    end: "10:45",
    room: "main-hall",
    track: "plenary",
    ...coffee,
  },
  {
    slug: "keynote-jiading-auto-hub",
    type: "keynote",
    day: DAY1,
    start: "10:45",
    end: "11:30",
    room: "main-hall",
    track: "plenary",
    titleEn: "Keynote: Jiading as a Core Area of a Global Automobile Industry Hub",
    titleZh: "主旨演讲：嘉定——全球汽车产业中心的核心承载区",
    abstractEn:
      'This keynote introduces Jiading\'s development as a core area of a global automobile industry hub, including industrial parks such as the Automotive Chip Valley and the Intelligent Vehicle Software Park. It also outlines a base of some 200 research and development platforms and more than 600 businesses involved in the "new four modernizations" of the car industry.',
    abstractZh:
      "本场主旨演讲介绍嘉定加快建设全球汽车产业中心核心承载区的进展，包括汽车芯片谷、智能汽车软件园等产业园区，以及约200个研发平台、600多家企业参与汽车产业“新四化”的产业基础。",
  },
  {
    slug: "panel-nev-market-growth",
    type: "panel",
    day: DAY1,
    start: "11:30",
    end: "12:30",
    room: "main-hall",
    track: "nev-market",
    titleEn: "Panel: Sustaining Growth in China's NEV Market",
    titleZh: "圆桌论坛：中国新能源汽车市场的持续增长",
    abstractEn:
      "China's NEV sales reached 9.5 million units in 2023, more than 60 percent of the global market, and rose 32 percent year over year to 4.94 million units in the first half of 2024. This panel looks at what sustains that growth and at the market outlook for 2024, for which sales of 11.5 million units are expected.",
    abstractZh:
      "2023年中国新能源汽车销量达950万辆，占全球市场份额60%以上；2024年上半年销量为494万辆，同比增长32%。本场圆桌论坛探讨支撑这一增长的因素，以及预计全年销量达1150万辆背景下的市场前景。",
    speakers: [{ speaker: "moderator", role: "moderator" }],
  },
  {
    slug: "lunch-day-1",
    type: "break",
    day: DAY1,
    start: "12:30",
    end: "13:30",
    room: "main-hall",
    track: "plenary",
    ...lunch,
  },
  {
    slug: "panel-sustainable-development",
    type: "panel",
    day: DAY1,
    start: "13:30",
    end: "14:45",
    room: "main-hall",
    track: "nev-market",
    titleEn: "Panel: Sustainable, High-Quality Development of the Auto Sector",
    titleZh: "圆桌论坛：汽车产业的可持续高质量发展",
    abstractEn:
      "This panel discusses what sustainable, high-quality development means for the auto industry as NEVs take a growing share of sales, from product quality and technology to the wider industry chain.",
    abstractZh:
      "随着新能源汽车在销量中的占比不断提升，本场圆桌论坛围绕产品质量、技术创新和产业链等方面，探讨汽车产业可持续高质量发展的内涵与路径。",
  },
  {
    slug: "talk-new-four-modernizations",
    type: "talk",
    day: DAY1,
    start: "13:30",
    end: "14:30",
    room: "hall-a",
    track: "connected-software",
    titleEn: 'The "New Four Modernizations": Electrification, IoT, Intellectualization and Sharing',
    titleZh: "汽车产业“新四化”：电动化、网联化、智能化、共享化",
    abstractEn:
      'This talk gives an overview of the "new four modernizations" of the car industry, namely electrification, IoT, intellectualization and sharing, and looks at how the four trends interact in vehicle development and in new business models.',
    abstractZh:
      "本场报告概述汽车产业“新四化”，即电动化、网联化、智能化和共享化，并探讨这四大趋势在整车研发和新商业模式中如何相互作用。",
  },
  {
    slug: "chip-valley-visit",
    type: "site-visit",
    day: DAY1,
    start: "14:00",
    end: "16:30",
    room: "field",
    track: "chips",
    titleEn: "Site Visit: Automotive Chip Valley",
    titleZh: "参观考察：汽车芯片谷",
    abstractEn:
      "A guided visit to the Automotive Chip Valley, one of the high-quality industrial parks built in Jiading. Places are limited to 40 and registration is required.",
    abstractZh: "实地参观嘉定建成的高品质产业园区之一——汽车芯片谷。名额限40人，需提前报名。",
    seatLimit: 40,
  },
  {
    slug: "talk-automotive-chip-ecosystem",
    type: "talk",
    day: DAY1,
    start: "15:00",
    end: "16:00",
    room: "hall-b",
    track: "chips",
    titleEn: "Building a Local Ecosystem for Automotive Chips",
    titleZh: "构建本土汽车芯片产业生态",
    abstractEn:
      "This talk looks at how chip designers, suppliers and carmakers can work together on automotive-grade chips for electrified and intelligent vehicles.",
    abstractZh:
      "本场报告探讨芯片设计企业、供应商与整车企业如何围绕面向电动化、智能化汽车的车规级芯片开展协作。",
    speakers: [{ speaker: "jiading-chip-company-representative", role: "speaker" }],
  },
  {
    slug: "workshop-software-defined-vehicle",
    type: "workshop",
    day: DAY1,
    start: "16:00",
    end: "17:30",
    room: "hall-a",
    track: "connected-software",
    titleEn: "Workshop: Software-Defined Vehicle Architecture",
    titleZh: "工作坊：软件定义汽车的架构设计",
    abstractEn:
      "A hands-on workshop on software-defined vehicle architecture, covering how in-vehicle software, connectivity and over-the-air updates fit together. Places are limited to 60.",
    abstractZh:
      "本场工作坊以实操形式探讨软件定义汽车的架构，内容涵盖车载软件、网联功能与远程升级（OTA）之间的衔接。名额限60人。",
    seatLimit: 60,
  },

  // ── Day 2: Friday 12 July 2024 ───────────────────────────────────────────────────────────
  {
    slug: "keynote-intelligent-connected-vehicles",
    type: "keynote",
    day: DAY2,
    start: "09:00",
    end: "09:45",
    room: "main-hall",
    track: "connected-software",
    titleEn: "Keynote: Intelligent Connected Vehicles and the Software Behind Them",
    titleZh: "主旨演讲：智能网联汽车及其背后的软件",
    abstractEn:
      "This keynote examines intelligent connected vehicles from the software side: the platforms, tools and partnerships needed to bring intelligent features to market.",
    abstractZh:
      "本场主旨演讲从软件角度审视智能网联汽车，探讨将智能化功能推向市场所需的平台、工具与合作模式。",
  },
  {
    slug: "keynote-autonomous-testing-jiading",
    type: "keynote",
    day: DAY2,
    start: "09:45",
    end: "10:30",
    room: "main-hall",
    track: "autonomous",
    titleEn: "Keynote: Autonomous Vehicle Testing and Demonstration in Jiading",
    titleZh: "主旨演讲：嘉定的自动驾驶测试与示范应用",
    abstractEn:
      "A fleet of 639 autonomous vehicles from 21 businesses, among them AutoX and Baidu, has been testing and demonstrating in Jiading. This keynote looks at what large-scale road testing involves and what it means for bringing autonomous driving into everyday use.",
    abstractZh:
      "包括AutoX和百度在内的21家企业共639辆自动驾驶车辆在嘉定开展测试和示范。本场主旨演讲探讨大规模道路测试的实践，以及它对自动驾驶走向日常应用的意义。",
  },
  {
    slug: "autonomous-demo-rides-day-2",
    type: "demo",
    day: DAY2,
    start: "10:00",
    end: "11:30",
    room: "field",
    track: "autonomous",
    titleEn: "Autonomous Vehicle Demonstration Rides (12 July)",
    titleZh: "自动驾驶车辆体验试乘（7月12日场）",
    abstractEn:
      "Demonstration rides in autonomous vehicles on the roads of Jiading, where businesses test and demonstrate autonomous driving. Rides run in small groups; places are limited to 20 and registration is required.",
    abstractZh:
      "在企业开展自动驾驶测试与示范的嘉定道路上体验乘坐自动驾驶车辆。分小组乘车，名额限20人，需提前报名。",
    seatLimit: 20,
  },
  {
    slug: "coffee-break-day-2",
    type: "break",
    day: DAY2,
    start: "10:30",
    end: "11:00",
    room: "main-hall",
    track: "plenary",
    ...coffee,
  },
  {
    slug: "talk-exporting-software-intelligence",
    type: "talk",
    day: DAY2,
    start: "11:00",
    end: "11:45",
    room: "main-hall",
    track: "global-markets",
    titleEn: "Going Global: Exporting Vehicles, Software and Intelligent Features",
    titleZh: "出海新阶段：整车、软件与智能化功能走向全球",
    abstractEn:
      "This session covers the export of vehicles, software and intelligent features by Chinese carmakers, and what it takes to offer them to consumers in overseas markets.",
    abstractZh:
      "本场报告聚焦中国车企向海外市场输出整车、软件和智能化功能，探讨将这些产品与服务带给海外消费者需要具备哪些条件。",
    speakers: [{ speaker: "carmaker-representative", role: "speaker" }],
  },
  {
    slug: "panel-autonomous-road-testing",
    type: "panel",
    day: DAY2,
    start: "11:00",
    end: "12:15",
    room: "hall-b",
    track: "autonomous",
    titleEn: "Panel: From Road Testing to Everyday Autonomous Driving",
    titleZh: "圆桌论坛：自动驾驶从道路测试走向日常应用",
    abstractEn:
      "This panel discusses the path from testing and demonstration to the regular operation of autonomous vehicles, including safety, regulation and public acceptance.",
    abstractZh:
      "本场圆桌论坛讨论自动驾驶车辆从测试示范走向常态化运营的路径，话题包括安全、监管与公众接受度。",
  },
  {
    slug: "panel-chinese-brands-abroad",
    type: "panel",
    day: DAY2,
    start: "11:45",
    end: "12:30",
    room: "main-hall",
    track: "global-markets",
    titleEn: "Panel: Chinese Auto Brands in Global Markets",
    titleZh: "圆桌论坛：中国汽车品牌的全球化之路",
    abstractEn:
      "This panel looks at how Chinese auto brands approach overseas markets, from product localisation and regulatory compliance to sales and after-sales service.",
    abstractZh:
      "本场圆桌论坛探讨中国汽车品牌如何开拓海外市场，话题涵盖产品本地化、合规、销售及售后服务等方面。",
  },
  {
    slug: "lunch-day-2",
    type: "break",
    day: DAY2,
    start: "12:30",
    end: "13:30",
    room: "main-hall",
    track: "plenary",
    ...lunch,
  },
  {
    slug: "software-park-visit",
    type: "site-visit",
    day: DAY2,
    start: "13:30",
    end: "16:00",
    room: "field",
    track: "connected-software",
    titleEn: "Site Visit: Intelligent Vehicle Software Park",
    titleZh: "参观考察：智能汽车软件园",
    abstractEn:
      "A guided visit to the Intelligent Vehicle Software Park, one of the high-quality industrial parks built in Jiading. Places are limited to 30 and registration is required.",
    abstractZh: "实地参观嘉定建成的高品质产业园区之一——智能汽车软件园。名额限30人，需提前报名。",
    seatLimit: 30,
  },
  {
    slug: "workshop-connected-vehicle-data-security",
    type: "workshop",
    day: DAY2,
    start: "13:30",
    end: "15:00",
    room: "hall-a",
    track: "connected-software",
    titleEn: "Workshop: Data Security for Connected Vehicles",
    titleZh: "工作坊：智能网联汽车数据安全",
    abstractEn:
      "A hands-on workshop on protecting vehicle and user data in connected vehicles, from in-vehicle systems to the cloud. This workshop has been cancelled.",
    abstractZh:
      "本场工作坊以实操形式探讨如何在从车端系统到云端的各个环节保护智能网联汽车的车辆数据和用户数据。本场工作坊已取消。",
    seatLimit: 50,
    status: "cancelled",
  },
  {
    slug: "talk-chips-for-intelligent-driving",
    type: "talk",
    day: DAY2,
    start: "14:00",
    end: "15:00",
    room: "hall-b",
    track: "chips",
    titleEn: "Computing Chips for Intelligent Driving",
    titleZh: "面向智能驾驶的计算芯片",
    abstractEn:
      "This talk covers the computing needs of intelligent driving and smart cockpit systems and what they mean for the design, validation and supply of automotive chips.",
    abstractZh:
      "本场报告介绍智能驾驶与智能座舱系统的算力需求，以及这些需求对汽车芯片设计、验证和供应的影响。",
  },

  // ── Day 3: Saturday 13 July 2024 ─────────────────────────────────────────────────────────
  {
    slug: "keynote-automotive-chips",
    type: "keynote",
    day: DAY3,
    start: "09:00",
    end: "09:45",
    room: "main-hall",
    track: "chips",
    titleEn: "Keynote: Automotive Chips and the Intelligent Vehicle",
    titleZh: "主旨演讲：汽车芯片与智能汽车",
    abstractEn:
      "This keynote looks at the role of chips in electrified and intelligent vehicles and at industrial parks devoted to them, such as Jiading's Automotive Chip Valley.",
    abstractZh:
      "本场主旨演讲探讨芯片在电动化、智能化汽车中的作用，以及嘉定汽车芯片谷等专业产业园区的建设。",
  },
  {
    slug: "autonomous-demo-rides-day-3",
    type: "demo",
    day: DAY3,
    start: "09:30",
    end: "11:00",
    room: "field",
    track: "autonomous",
    titleEn: "Autonomous Vehicle Demonstration Rides (13 July)",
    titleZh: "自动驾驶车辆体验试乘（7月13日场）",
    abstractEn:
      "Demonstration rides in autonomous vehicles on the roads of Jiading, where businesses test and demonstrate autonomous driving. Rides run in small groups; places are limited to 20 and registration is required.",
    abstractZh:
      "在企业开展自动驾驶测试与示范的嘉定道路上体验乘坐自动驾驶车辆。分小组乘车，名额限20人，需提前报名。",
    seatLimit: 20,
  },
  {
    slug: "workshop-autonomous-safety-validation",
    type: "workshop",
    day: DAY3,
    start: "09:30",
    end: "11:00",
    room: "hall-a",
    track: "autonomous",
    titleEn: "Workshop: Safety Validation for Autonomous Driving",
    titleZh: "工作坊：自动驾驶安全验证",
    abstractEn:
      "A practical workshop on validating the safety of autonomous driving systems by combining simulation, closed-course testing and testing on public roads. Places are limited to 50.",
    abstractZh:
      "本场实操工作坊围绕自动驾驶系统的安全验证展开，探讨如何将仿真测试、封闭场地测试与公开道路测试结合起来。名额限50人。",
    seatLimit: 50,
  },
  {
    slug: "coffee-break-day-3",
    type: "break",
    day: DAY3,
    start: "09:45",
    end: "10:15",
    room: "main-hall",
    track: "plenary",
    ...coffee,
  },
  {
    slug: "panel-chip-supply-chain",
    type: "panel",
    day: DAY3,
    start: "10:15",
    end: "11:45",
    room: "main-hall",
    track: "chips",
    titleEn: "Panel: A Resilient Supply Chain for Automotive Chips",
    titleZh: "圆桌论坛：打造有韧性的汽车芯片供应链",
    abstractEn:
      "This panel considers how carmakers and chip suppliers can build a stable, resilient supply of automotive chips as vehicles become more electrified and intelligent.",
    abstractZh:
      "随着汽车电动化、智能化程度不断提高，本场圆桌论坛探讨整车企业与芯片供应商如何构建稳定、有韧性的汽车芯片供应体系。",
  },
  {
    slug: "lunch-day-3",
    type: "break",
    day: DAY3,
    start: "12:00",
    end: "13:00",
    room: "main-hall",
    track: "plenary",
    ...lunch,
  },
  {
    slug: "talk-shared-mobility",
    type: "talk",
    day: DAY3,
    start: "13:00",
    end: "14:00",
    room: "hall-b",
    track: "nev-market",
    titleEn: "Shared Mobility and the Future of Car Use",
    titleZh: "共享出行与未来的用车方式",
    abstractEn:
      'Sharing is one of the "new four modernizations" of the car industry. This talk looks at shared mobility services and at how electrified, connected and autonomous vehicles may change the way cars are used.',
    abstractZh:
      "共享化是汽车产业“新四化”之一。本场报告探讨共享出行服务，以及电动化、网联化和自动驾驶汽车可能如何改变人们的用车方式。",
  },
  {
    slug: "closing-session",
    type: "ceremony",
    day: DAY3,
    start: "14:15",
    end: "15:00",
    room: "main-hall",
    track: "plenary",
    titleEn: "Closing Session",
    titleZh: "闭幕式",
    abstractEn:
      "The forum closes with a look back at three days of discussion on the sustainable, high-quality development of the auto sector.",
    abstractZh: "论坛闭幕。闭幕式回顾三天来围绕汽车产业可持续高质量发展展开的讨论。",
  },
  {
    slug: "farewell-reception",
    status: "draft",
    type: "break",
    day: DAY3,
    start: "15:30",
    end: "17:00",
    room: "main-hall",
    track: "plenary",
    titleEn: "Farewell Reception (draft)",
    titleZh: "欢送酒会（草稿）",
    abstractEn: "A draft session: organizers are still planning it, so it does not appear on the public agenda.",
    abstractZh: "草稿议程：主办方仍在筹划中，因此不会出现在公开议程中。",
  },
];
