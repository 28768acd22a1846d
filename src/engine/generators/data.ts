/**
 * Word lists for the generators: our own small lists. Values look real enough
 * for forms and APIs that validate their shape, and are plainly test data.
 * Kept as text blocks (one word per space, or one entry per line) so they stay
 * compact and readable.
 */

/** Whitespace-separated words. */
function words(text: string): readonly string[] {
  return text.split(/\s+/).filter((word) => word !== '')
}

/** One entry per line; `|` separates the fields of a pair. */
function lines(text: string): readonly string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

function pairs(text: string): ReadonlyArray<readonly [string, string]> {
  return lines(text).map((line) => {
    const [name, code] = line.split('|')
    return [name, code] as const
  })
}

export const FIRST_NAMES = words(`
  Ada Alan Alice Amara Andre Anna Aiko Ben Carla Chen Chloe Daniel David Elena Emma Ethan Fatima
  Felix Grace Hana Hugo Ines Isaac Jack Jamal Julia Kai Lara Leo Lina Lucas Maya Mateo Mei Nadia
  Noah Olivia Omar Priya Rafael Rosa Sam Sara Sofia Tariq Tom Uma Victor Yuki Zoe
`)

export const LAST_NAMES = words(`
  Adams Alvarez Baker Bianchi Brown Carter Chen Costa Dubois Evans Fischer Garcia Gonzalez Hall
  Hughes Ito Jensen Johnson Kim Kowalski Lee Lopez Martin Meyer Miller Moreau Nakamura Nguyen Novak
  Okafor Olsen Patel Perez Rossi Santos Schmidt Silva Smith Tanaka Taylor Walker Wang Weber White
  Wilson Young
`)

export const JOB_TITLES = lines(`
  Accountant
  Analyst
  Architect
  Consultant
  Coordinator
  Data Scientist
  Designer
  Developer
  Director
  Engineer
  Product Manager
  Project Manager
  Recruiter
  Sales Representative
  Support Agent
  Technician
  Writer
`)

export const WORDS = words(`
  amber anchor apple arrow atlas autumn badge banner basket beacon birch bloom bridge brook cabin
  candle canyon cedar circle cloud comet copper coral crystal delta desert dream echo ember falcon
  feather field forest garden glacier harbor harvest horizon island jasmine journey lantern lemon
  meadow meteor mirror morning mountain nectar ocean orbit orchard pebble pepper pine planet prairie
  quartz river rocket saddle signal silver spark spring summit sunset thunder timber tulip valley
  velvet willow winter zephyr
`)

export const STREET_NAMES = words(`
  Oak Maple Cedar Pine Elm Lake Hill Park River Sunset Washington Lincoln Church Mill Spring
  Highland Meadow Forest
`)

export const STREET_SUFFIXES = words('Street Avenue Road Lane Drive Boulevard Way Court')

export const CITIES = words(`
  Amsterdam Austin Barcelona Berlin Boston Chicago Denver Dublin Lisbon London Lyon Madrid Melbourne
  Milan Montreal Munich Nairobi Osaka Paris Portland Seattle Seoul Singapore Stockholm Sydney Tokyo
  Toronto Vancouver Vienna Zurich
`)

/** US states: name and postal abbreviation. */
export const STATES = pairs(`
  Alabama|AL
  Alaska|AK
  Arizona|AZ
  California|CA
  Colorado|CO
  Florida|FL
  Georgia|GA
  Illinois|IL
  Maryland|MD
  Massachusetts|MA
  Michigan|MI
  Minnesota|MN
  New Jersey|NJ
  New York|NY
  North Carolina|NC
  Ohio|OH
  Oregon|OR
  Pennsylvania|PA
  Texas|TX
  Utah|UT
  Virginia|VA
  Washington|WA
  Wisconsin|WI
`)

/** Countries: name and ISO 3166-1 alpha-2 code. */
export const COUNTRIES = pairs(`
  Argentina|AR
  Australia|AU
  Austria|AT
  Belgium|BE
  Brazil|BR
  Canada|CA
  Chile|CL
  Denmark|DK
  Finland|FI
  France|FR
  Germany|DE
  India|IN
  Ireland|IE
  Italy|IT
  Japan|JP
  Kenya|KE
  Mexico|MX
  Netherlands|NL
  New Zealand|NZ
  Nigeria|NG
  Norway|NO
  Poland|PL
  Portugal|PT
  Singapore|SG
  South Africa|ZA
  South Korea|KR
  Spain|ES
  Sweden|SE
  Switzerland|CH
  United Kingdom|GB
  United States|US
`)

export const TIMEZONES = words(`
  UTC Europe/London Europe/Paris Europe/Berlin Europe/Madrid Europe/Stockholm America/New_York
  America/Chicago America/Denver America/Los_Angeles America/Sao_Paulo America/Toronto Asia/Tokyo
  Asia/Singapore Asia/Kolkata Asia/Dubai Australia/Sydney Africa/Nairobi Pacific/Auckland
`)

export const CURRENCIES = words(`
  AUD BRL CAD CHF CNY DKK EUR GBP HKD INR JPY KRW MXN NOK NZD PLN SEK SGD USD ZAR
`)

export const TLDS = words('com net org io dev app co info')

export const HTTP_METHODS = words('GET POST PUT PATCH DELETE HEAD OPTIONS')

export const EMOJIS = words('😀 🎉 🚀 🌟 🔥 🍀 🐙 🍕 🎯 💡 ✅ 🌈 🦊 ☕ 📦')

export const COLORS = words(`
  Aqua Azure Beige Black Blue Brown Coral Crimson Cyan Gold Gray Green Indigo Ivory Lavender Lime
  Magenta Maroon Navy Olive Orange Pink Purple Red Salmon Silver Teal Turquoise Violet White Yellow
`)

export const COMPANY_SUFFIXES = words('Inc LLC Group Labs Systems Partners Holdings Co')

export const PRODUCT_ADJECTIVES = words(`
  Compact Deluxe Durable Ergonomic Lightweight Modern Portable Premium Rustic Sleek Smart Wireless
`)

export const PRODUCT_MATERIALS = words(
  'Aluminum Bamboo Ceramic Cotton Glass Leather Linen Oak Steel Wool'
)

export const PRODUCT_NOUNS = words(`
  Backpack Blender Bottle Chair Desk Headphones Jacket Keyboard Lamp Mug Notebook Speaker Table Watch
`)

export const PRODUCT_CATEGORIES = lines(`
  Automotive
  Beauty
  Books
  Clothing
  Electronics
  Garden
  Grocery
  Health
  Home
  Kitchen
  Music
  Office
  Outdoors
  Pet Supplies
  Sports
  Toys
`)

export const WEEKDAYS = words('Sunday Monday Tuesday Wednesday Thursday Friday Saturday')

/** Browser user agents; `{v}` becomes a major version. */
export const USER_AGENTS = lines(`
  Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36
  Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36
  Mozilla/5.0 (X11; Linux x86_64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0
  Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0
  Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{v}.0 Safari/605.1.15
`)
