export const id = 695;
export const ids = [695,699,501];
export const modules = {

/***/ 9023:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ FlowGraph)
/* harmony export */ });
class FlowGraph {
    ids;
    preds = new Map();
    succs = new Map();
    /** Edges naming an unknown node are left out (validation reports them). */
    constructor(flow) {
        this.ids = flow.nodes.map((n) => n.id);
        for (const id of this.ids) {
            this.preds.set(id, []);
            this.succs.set(id, []);
        }
        for (const edge of flow.edges) {
            const to = this.preds.get(edge.target);
            const from = this.succs.get(edge.source);
            if (!to || !from)
                continue;
            if (!to.includes(edge.source))
                to.push(edge.source);
            if (!from.includes(edge.target))
                from.push(edge.target);
        }
    }
    predecessors(id) {
        return this.preds.get(id) ?? [];
    }
    successors(id) {
        return this.succs.get(id) ?? [];
    }
    roots() {
        return this.ids.filter((id) => this.predecessors(id).length === 0);
    }
    ancestorCache = new Map();
    /**
     * Whether `candidate` is upstream of `id` (a path of edges leads from it to
     * `id`). A direct predecessor is answered at once; otherwise the ancestors of
     * `id` are computed once and kept, so checking every reference of a large flow
     * stays fast.
     */
    isUpstream(candidate, id) {
        if (this.predecessors(id).includes(candidate))
            return true;
        let found = this.ancestorCache.get(id);
        if (!found) {
            found = this.ancestors(id);
            this.ancestorCache.set(id, found);
        }
        return found.has(candidate);
    }
    /** Every node `id` depends on, directly or not. */
    ancestors(id) {
        const found = new Set();
        const stack = [...this.predecessors(id)];
        while (stack.length > 0) {
            const next = stack.pop();
            if (found.has(next))
                continue;
            found.add(next);
            stack.push(...this.predecessors(next));
        }
        return found;
    }
    /** Every node that depends on `id`, directly or not. */
    descendants(id) {
        const found = new Set();
        const stack = [...this.successors(id)];
        while (stack.length > 0) {
            const next = stack.pop();
            if (found.has(next))
                continue;
            found.add(next);
            stack.push(...this.successors(next));
        }
        return found;
    }
    /** One cycle as a path of node ids (first repeated at the end), or undefined when there is none. */
    findCycle() {
        const state = new Map();
        const path = [];
        const visit = (id) => {
            state.set(id, 'open');
            path.push(id);
            for (const next of this.successors(id)) {
                if (state.get(next) === 'open')
                    return [...path.slice(path.indexOf(next)), next];
                if (!state.has(next)) {
                    const cycle = visit(next);
                    if (cycle)
                        return cycle;
                }
            }
            path.pop();
            state.set(id, 'done');
            return undefined;
        };
        for (const id of this.ids) {
            if (!state.has(id)) {
                const cycle = visit(id);
                if (cycle)
                    return cycle;
            }
        }
        return undefined;
    }
}


/***/ }),

/***/ 46501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z: () => (/* binding */ field),
  parseFlow: () => (/* binding */ parseFlow)
});

;// CONCATENATED MODULE: ./src/engine/flow/model.ts
/**
 * A flow definition as the engine runs it: parsed once from Echopoint's JSON
 * (parse.ts, both wire spellings), checked as a whole (validate.ts), then run.
 * Node data stays as the wire gave it here; each node type reads its own.
 */
/** The node types of docs/runner.md §3, by their canonical (snake_case) name. */
const NODE_TYPES = [
    'request',
    'delay',
    'set_variable',
    'assert',
    'branch',
    'loop',
    'poll',
    'module',
    'sse',
    'webhook_wait'
];

// EXTERNAL MODULE: ./src/engine/wire-names.ts
var wire_names = __webpack_require__(54276);
;// CONCATENATED MODULE: ./src/engine/flow/parse.ts
/**
 * Reads an Echopoint flow definition (docs/runner.md §2) into the engine's model.
 * Wire names moved from camelCase to snake_case over time, so both are read
 * everywhere (`display_name`/`displayName`, `initial_inputs`/`initialInputs`,
 * `run_when`/`runWhen`, node types `set_variable`/`setVariable`). Unknown fields
 * are ignored. Every problem found is reported, each naming the node and the
 * field; a flow with any problem is not run.
 */


function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The first of `names` present on `object` (a wire field under either spelling). */
function field(object, ...names) {
    for (const name of names)
        if (object[name] !== undefined)
            return object[name];
    return undefined;
}
const TYPES = new Set(NODE_TYPES);
function parse_text(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
function parseNode(raw, index, problems) {
    const at = `nodes[${index}]`;
    if (!isObject(raw)) {
        problems.push({ field: at, message: 'must be an object' });
        return undefined;
    }
    const id = parse_text(raw.id);
    if (id === undefined) {
        problems.push({ field: `${at}.id`, message: 'is missing (every node needs an id)' });
        return undefined;
    }
    const node = { node: id };
    const typeText = parse_text(raw.type);
    const type = typeText === undefined ? undefined : (0,wire_names/* snakeCase */.L)(typeText);
    if (type === undefined) {
        problems.push({ ...node, field: 'type', message: 'is missing' });
    }
    else if (!TYPES.has(type)) {
        problems.push({
            ...node,
            field: 'type',
            message: `"${typeText}" is not a node type (one of ${NODE_TYPES.join(', ')})`
        });
    }
    const runWhenText = field(raw, 'run_when', 'runWhen');
    let runWhen = 'on_success';
    if (runWhenText !== undefined) {
        const word = typeof runWhenText === 'string' ? (0,wire_names/* snakeCase */.L)(runWhenText) : '';
        if (word === 'always' || word === 'on_success')
            runWhen = word;
        else
            problems.push({ ...node, field: 'run_when', message: 'must be on_success or always' });
    }
    const assertions = raw.assertions ?? [];
    if (!Array.isArray(assertions)) {
        problems.push({ ...node, field: 'assertions', message: 'must be an array' });
    }
    const outputs = [];
    const rawOutputs = raw.outputs ?? [];
    if (!Array.isArray(rawOutputs)) {
        problems.push({ ...node, field: 'outputs', message: 'must be an array' });
    }
    else {
        rawOutputs.forEach((output, i) => {
            const name = isObject(output) ? parse_text(output.name) : undefined;
            if (!isObject(output) || name === undefined) {
                problems.push({ ...node, field: `outputs[${i}].name`, message: 'is missing' });
                return;
            }
            if (outputs.some((o) => o.name === name)) {
                problems.push({
                    ...node,
                    field: `outputs[${i}].name`,
                    message: `"${name}" is declared twice`
                });
            }
            outputs.push({ name, extractor: output.extractor });
        });
    }
    const data = raw.data ?? {};
    if (!isObject(data))
        problems.push({ ...node, field: 'data', message: 'must be an object' });
    const displayName = parse_text(field(raw, 'display_name', 'displayName', 'name')) ?? id;
    return {
        id,
        displayName,
        type: (type ?? 'request'),
        runWhen,
        assertions: Array.isArray(assertions) ? assertions : [],
        outputs,
        data: isObject(data) ? data : {}
    };
}
function parseEdge(raw, index, problems) {
    const at = `edges[${index}]`;
    if (!isObject(raw)) {
        problems.push({ field: at, message: 'must be an object' });
        return undefined;
    }
    const source = parse_text(raw.source);
    const target = parse_text(raw.target);
    if (source === undefined)
        problems.push({ field: `${at}.source`, message: 'is missing' });
    if (target === undefined)
        problems.push({ field: `${at}.target`, message: 'is missing' });
    if (source === undefined || target === undefined)
        return undefined;
    return {
        id: parse_text(raw.id) ?? `${source}->${target}`,
        source,
        target,
        type: parse_text(raw.type) ?? 'success'
    };
}
/**
 * Parses a flow definition (a JSON value). Returns the flow and every problem
 * of its shape; graph and reference checks are validate.ts's.
 */
function parseFlow(raw) {
    const problems = [];
    const flow = { name: 'flow', nodes: [], edges: [], initialInputs: {} };
    if (!isObject(raw)) {
        problems.push({ field: '$', message: 'a flow definition must be a JSON object' });
        return { flow, problems };
    }
    flow.name = parse_text(raw.name) ?? 'flow';
    if (typeof raw.description === 'string')
        flow.description = raw.description;
    if (raw.version !== undefined && raw.version !== null)
        flow.version = String(raw.version);
    const inputs = field(raw, 'initial_inputs', 'initialInputs') ?? {};
    if (isObject(inputs))
        flow.initialInputs = inputs;
    else
        problems.push({ field: 'initial_inputs', message: 'must be an object of input values' });
    if (!Array.isArray(raw.nodes)) {
        problems.push({ field: 'nodes', message: 'must be an array of nodes' });
    }
    else {
        const seen = new Set();
        raw.nodes.forEach((value, i) => {
            const node = parseNode(value, i, problems);
            if (!node)
                return;
            if (seen.has(node.id)) {
                problems.push({
                    node: node.id,
                    field: `nodes[${i}].id`,
                    message: 'is used by another node too'
                });
                return;
            }
            seen.add(node.id);
            flow.nodes.push(node);
        });
    }
    const edges = raw.edges ?? [];
    if (!Array.isArray(edges))
        problems.push({ field: 'edges', message: 'must be an array' });
    else {
        edges.forEach((value, i) => {
            const edge = parseEdge(value, i, problems);
            if (edge)
                flow.edges.push(edge);
        });
    }
    return { flow, problems };
}


/***/ }),

/***/ 45304:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fx: () => (/* binding */ createGeneratorContext),
  $9: () => (/* binding */ isKnownGenerator)
});

// UNUSED EXPORTS: GeneratorError, generatorCatalog, generators, snakeCase

// EXTERNAL MODULE: ./src/engine/wire-names.ts
var wire_names = __webpack_require__(54276);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/engine/generators/data.ts
/**
 * Word lists for the generators: our own small lists. Values look real enough
 * for forms and APIs that validate their shape, and are plainly test data.
 * Kept as text blocks (one word per space, or one entry per line) so they stay
 * compact and readable.
 */
/** Whitespace-separated words. */
function words(text) {
    return text.split(/\s+/).filter((word) => word !== '');
}
/** One entry per line; `|` separates the fields of a pair. */
function lines(text) {
    return text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
}
function pairs(text) {
    return lines(text).map((line) => {
        const [name, code] = line.split('|');
        return [name, code];
    });
}
const FIRST_NAMES = words(`
  Ada Alan Alice Amara Andre Anna Aiko Ben Carla Chen Chloe Daniel David Elena Emma Ethan Fatima
  Felix Grace Hana Hugo Ines Isaac Jack Jamal Julia Kai Lara Leo Lina Lucas Maya Mateo Mei Nadia
  Noah Olivia Omar Priya Rafael Rosa Sam Sara Sofia Tariq Tom Uma Victor Yuki Zoe
`);
const LAST_NAMES = words(`
  Adams Alvarez Baker Bianchi Brown Carter Chen Costa Dubois Evans Fischer Garcia Gonzalez Hall
  Hughes Ito Jensen Johnson Kim Kowalski Lee Lopez Martin Meyer Miller Moreau Nakamura Nguyen Novak
  Okafor Olsen Patel Perez Rossi Santos Schmidt Silva Smith Tanaka Taylor Walker Wang Weber White
  Wilson Young
`);
const JOB_TITLES = lines(`
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
`);
const WORDS = words(`
  amber anchor apple arrow atlas autumn badge banner basket beacon birch bloom bridge brook cabin
  candle canyon cedar circle cloud comet copper coral crystal delta desert dream echo ember falcon
  feather field forest garden glacier harbor harvest horizon island jasmine journey lantern lemon
  meadow meteor mirror morning mountain nectar ocean orbit orchard pebble pepper pine planet prairie
  quartz river rocket saddle signal silver spark spring summit sunset thunder timber tulip valley
  velvet willow winter zephyr
`);
const STREET_NAMES = words(`
  Oak Maple Cedar Pine Elm Lake Hill Park River Sunset Washington Lincoln Church Mill Spring
  Highland Meadow Forest
`);
const STREET_SUFFIXES = words('Street Avenue Road Lane Drive Boulevard Way Court');
const CITIES = words(`
  Amsterdam Austin Barcelona Berlin Boston Chicago Denver Dublin Lisbon London Lyon Madrid Melbourne
  Milan Montreal Munich Nairobi Osaka Paris Portland Seattle Seoul Singapore Stockholm Sydney Tokyo
  Toronto Vancouver Vienna Zurich
`);
/** US states: name and postal abbreviation. */
const STATES = pairs(`
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
`);
/** Countries: name and ISO 3166-1 alpha-2 code. */
const COUNTRIES = pairs(`
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
`);
const TIMEZONES = words(`
  UTC Europe/London Europe/Paris Europe/Berlin Europe/Madrid Europe/Stockholm America/New_York
  America/Chicago America/Denver America/Los_Angeles America/Sao_Paulo America/Toronto Asia/Tokyo
  Asia/Singapore Asia/Kolkata Asia/Dubai Australia/Sydney Africa/Nairobi Pacific/Auckland
`);
const CURRENCIES = words(`
  AUD BRL CAD CHF CNY DKK EUR GBP HKD INR JPY KRW MXN NOK NZD PLN SEK SGD USD ZAR
`);
const TLDS = words('com net org io dev app co info');
const HTTP_METHODS = words('GET POST PUT PATCH DELETE HEAD OPTIONS');
const EMOJIS = words('😀 🎉 🚀 🌟 🔥 🍀 🐙 🍕 🎯 💡 ✅ 🌈 🦊 ☕ 📦');
const COLORS = words(`
  Aqua Azure Beige Black Blue Brown Coral Crimson Cyan Gold Gray Green Indigo Ivory Lavender Lime
  Magenta Maroon Navy Olive Orange Pink Purple Red Salmon Silver Teal Turquoise Violet White Yellow
`);
const COMPANY_SUFFIXES = words('Inc LLC Group Labs Systems Partners Holdings Co');
const PRODUCT_ADJECTIVES = words(`
  Compact Deluxe Durable Ergonomic Lightweight Modern Portable Premium Rustic Sleek Smart Wireless
`);
const PRODUCT_MATERIALS = words('Aluminum Bamboo Ceramic Cotton Glass Leather Linen Oak Steel Wool');
const PRODUCT_NOUNS = words(`
  Backpack Blender Bottle Chair Desk Headphones Jacket Keyboard Lamp Mug Notebook Speaker Table Watch
`);
const PRODUCT_CATEGORIES = lines(`
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
`);
const WEEKDAYS = words('Sunday Monday Tuesday Wednesday Thursday Friday Saturday');
/** Browser user agents; `{v}` becomes a major version. */
const USER_AGENTS = lines(`
  Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36
  Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36
  Mozilla/5.0 (X11; Linux x86_64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0
  Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0
  Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{v}.0 Safari/605.1.15
`);

;// CONCATENATED MODULE: ./src/engine/generators/random.ts

/**
 * A small deterministic PRNG (xoshiro128**, Blackman & Vigna, public domain
 * algorithm) seeded from SHA-256 of a seed string, so an execution id always
 * yields the same stream. Not for secrets: generated values are test data.
 */
class Random {
    #state;
    constructor(state) {
        this.#state = state;
    }
    /** A stream determined by `seed` (any text; the execution id). */
    static fromSeed(seed) {
        const digest = (0,external_node_crypto_.createHash)('sha256').update(seed, 'utf8').digest();
        const state = new Uint32Array(4);
        for (let i = 0; i < 4; i++)
            state[i] = digest.readUInt32BE(i * 4);
        // The all-zero state is the one state xoshiro cannot leave.
        if (state.every((word) => word === 0))
            state[0] = 1;
        return new Random(state);
    }
    /** The next 32 random bits as an unsigned integer. */
    uint32() {
        const s = this.#state;
        const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
        const t = s[1] << 9;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = rotl(s[3], 11);
        return result;
    }
    /** A float in [0, 1) with 53 random bits. */
    float() {
        const high = this.uint32() >>> 5; // 27 bits
        const low = this.uint32() >>> 6; // 26 bits
        return (high * 67108864 + low) / 9007199254740992;
    }
    /** An integer in [min, max], both inclusive and safe integers; min ≤ max. */
    int(min, max) {
        const span = max - min + 1;
        if (span <= 0x1_0000_0000) {
            // Rejection sampling: no modulo bias.
            const limit = 0x1_0000_0000 - (0x1_0000_0000 % span);
            let draw = this.uint32();
            while (draw >= limit)
                draw = this.uint32();
            return min + (draw % span);
        }
        return min + Math.floor(this.float() * span);
    }
    /** True or false, evenly. */
    bool() {
        return (this.uint32() & 1) === 1;
    }
    /** One element of a non-empty list. */
    pick(items) {
        return items[this.int(0, items.length - 1)];
    }
    /** `length` characters drawn from `alphabet`. */
    chars(length, alphabet) {
        let out = '';
        for (let i = 0; i < length; i++)
            out += alphabet[this.int(0, alphabet.length - 1)];
        return out;
    }
    /** `length` random bytes. */
    bytes(length) {
        const out = new Uint8Array(length);
        for (let i = 0; i < length; i++)
            out[i] = this.uint32() & 0xff;
        return out;
    }
}
function rotl(x, k) {
    return (x << k) | (x >>> (32 - k));
}
const DIGITS = '0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const HEX = '0123456789abcdef';

;// CONCATENATED MODULE: ./src/engine/generators/address.ts


const addressGenerators = [
    {
        name: 'street',
        category: 'address',
        description: 'A street address.',
        example: '{{$street}}',
        generate: ({ random }) => `${random.int(1, 9999)} ${random.pick(STREET_NAMES)} ${random.pick(STREET_SUFFIXES)}`
    },
    {
        name: 'city',
        category: 'address',
        description: 'A city.',
        example: '{{$city}}',
        generate: ({ random }) => random.pick(CITIES)
    },
    {
        name: 'state',
        category: 'address',
        description: 'A US state.',
        example: '{{$state}}',
        generate: ({ random }) => random.pick(STATES)[0]
    },
    {
        name: 'stateAbbr',
        category: 'address',
        description: 'A US state postal abbreviation.',
        example: '{{$stateAbbr}}',
        generate: ({ random }) => random.pick(STATES)[1]
    },
    {
        name: 'zip',
        category: 'address',
        description: 'A five-digit postal code.',
        example: '{{$zip}}',
        generate: ({ random }) => random.chars(5, DIGITS)
    },
    {
        name: 'country',
        category: 'address',
        description: 'A country name.',
        example: '{{$country}}',
        generate: ({ random }) => random.pick(COUNTRIES)[0]
    },
    {
        name: 'countryAbbr',
        category: 'address',
        description: 'A two-letter ISO 3166-1 country code.',
        example: '{{$countryAbbr}}',
        generate: ({ random }) => random.pick(COUNTRIES)[1]
    },
    {
        name: 'latitude',
        category: 'address',
        description: 'A latitude in degrees, six decimals.',
        example: '{{$latitude}}',
        generate: ({ random }) => (random.float() * 180 - 90).toFixed(6)
    },
    {
        name: 'longitude',
        category: 'address',
        description: 'A longitude in degrees, six decimals.',
        example: '{{$longitude}}',
        generate: ({ random }) => (random.float() * 360 - 180).toFixed(6)
    },
    {
        name: 'timezone',
        category: 'address',
        description: 'An IANA time zone name.',
        example: '{{$timezone}}',
        generate: ({ random }) => random.pick(TIMEZONES)
    }
];

;// CONCATENATED MODULE: ./src/engine/generators/commerce.ts


const commerceGenerators = [
    {
        name: 'company',
        category: 'commerce',
        description: 'A company name.',
        example: '{{$company}}',
        generate: ({ random }) => random.bool()
            ? `${random.pick(LAST_NAMES)} ${random.pick(COMPANY_SUFFIXES)}`
            : `${random.pick(LAST_NAMES)} & ${random.pick(LAST_NAMES)}`
    },
    {
        name: 'productName',
        category: 'commerce',
        description: 'A product name.',
        example: '{{$productName}}',
        generate: ({ random }) => `${random.pick(PRODUCT_ADJECTIVES)} ${random.pick(PRODUCT_MATERIALS)} ${random.pick(PRODUCT_NOUNS)}`
    },
    {
        name: 'productCategory',
        category: 'commerce',
        description: 'A product category.',
        example: '{{$productCategory}}',
        generate: ({ random }) => random.pick(PRODUCT_CATEGORIES)
    },
    {
        name: 'sku',
        category: 'commerce',
        description: 'An eight-character SKU: four capital letters and four digits.',
        example: '{{$sku}}',
        generate: ({ random }) => random.chars(4, UPPER) + random.chars(4, DIGITS)
    }
];

;// CONCATENATED MODULE: ./src/engine/generators/identity.ts


function username(random) {
    return `${random.pick(LAST_NAMES)}${random.chars(4, DIGITS)}`;
}
const identityGenerators = [
    {
        name: 'firstName',
        category: 'identity',
        description: 'A first name.',
        example: '{{$firstName}}',
        generate: ({ random }) => random.pick(FIRST_NAMES)
    },
    {
        name: 'lastName',
        category: 'identity',
        description: 'A last name.',
        example: '{{$lastName}}',
        generate: ({ random }) => random.pick(LAST_NAMES)
    },
    {
        name: 'fullName',
        category: 'identity',
        description: 'A first and last name.',
        example: '{{$fullName}}',
        generate: ({ random }) => `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`
    },
    {
        name: 'username',
        category: 'identity',
        description: 'A username: a last name and four digits.',
        example: '{{$username}}',
        generate: ({ random }) => username(random)
    },
    {
        name: 'gender',
        category: 'identity',
        description: 'A gender: male or female.',
        example: '{{$gender}}',
        generate: ({ random }) => random.pick(['male', 'female'])
    },
    {
        name: 'jobTitle',
        category: 'identity',
        description: 'A job title.',
        example: '{{$jobTitle}}',
        generate: ({ random }) => random.pick(JOB_TITLES)
    },
    {
        name: 'ssn',
        category: 'identity',
        description: 'A fake US Social Security number: nine digits of a valid shape (no 000, 666 or 9xx area).',
        example: '{{$ssn}}',
        generate({ random }) {
            let area = random.int(1, 899);
            if (area === 666)
                area = 665;
            const group = random.int(1, 99);
            const serial = random.int(1, 9999);
            return `${pad(area, 3)}${pad(group, 2)}${pad(serial, 4)}`;
        }
    }
];
function pad(value, width) {
    return String(value).padStart(width, '0');
}

;// CONCATENATED MODULE: ./src/engine/generators/contact.ts


/** A North American number: area and exchange codes start with 2–9. */
function nanp(random) {
    return [
        `${random.int(2, 9)}${random.chars(2, DIGITS)}`,
        `${random.int(2, 9)}${random.chars(2, DIGITS)}`,
        random.chars(4, DIGITS)
    ];
}
const contactGenerators = [
    {
        name: 'email',
        category: 'contact',
        description: 'An email address at the reserved example.test domain (never delivered).',
        example: '{{$email}}',
        generate: ({ random }) => `${username(random).toLowerCase()}-${random.chars(4, DIGITS)}@example.test`
    },
    {
        name: 'phone',
        category: 'contact',
        description: 'An E.164 phone number, e.g. +14155550123.',
        example: '{{$phone}}',
        generate: ({ random }) => `+1${nanp(random).join('')}`
    },
    {
        name: 'phoneFormatted',
        category: 'contact',
        description: 'A phone number in a local format, e.g. (415) 555-0123.',
        example: '{{$phoneFormatted}}',
        generate({ random }) {
            const [area, exchange, line] = nanp(random);
            return random.pick([
                `(${area}) ${exchange}-${line}`,
                `${area}-${exchange}-${line}`,
                `${area}.${exchange}.${line}`,
                `1-${area}-${exchange}-${line}`
            ]);
        }
    }
];

;// CONCATENATED MODULE: ./src/engine/generators/types.ts
/** A generator that is unknown or was given unusable arguments. */
class GeneratorError extends Error {
    name = 'GeneratorError';
}

;// CONCATENATED MODULE: ./src/engine/generators/args.ts

// As in the reference, an argument that is not a number falls back to the
// default (so `{{$int:x}}` is `{{$int}}`); values that cannot work are errors.
/** args[index] as an integer, or `fallback` when absent or not an integer. */
function intArg(args, index, fallback) {
    const text = args[index];
    if (text === undefined || !/^[+-]?\d+$/.test(text.trim()))
        return fallback;
    return Number(text.trim());
}
/** args[index] as a number, or `fallback` when absent or not a number. */
function floatArg(args, index, fallback) {
    const text = args[index]?.trim();
    if (text === undefined || text === '' || !Number.isFinite(Number(text)))
        return fallback;
    return Number(text);
}
/** The largest count a generator accepts (characters, digits, words). */
const MAX_COUNT = 10_000;
/** args[index] as a count in [0, MAX_COUNT]. */
function countArg(args, index, fallback, what) {
    const count = intArg(args, index, fallback);
    if (count < 0 || count > MAX_COUNT) {
        throw new GeneratorError(`${what} must be between 0 and ${MAX_COUNT}, got ${count}`);
    }
    return count;
}
/** [min, max] from args 0 and 1 with defaults, swapped if given in reverse. */
function rangeArgs(args, read, min, max) {
    const low = read(args, 0, min);
    const high = read(args, 1, max);
    return low <= high ? [low, high] : [high, low];
}

;// CONCATENATED MODULE: ./src/engine/generators/finance.ts





/**
 * IBAN layouts (ISO 13616 registry): BBAN letters first (bank code), then
 * digits, so each value has its country's length and character classes and a
 * valid mod-97 check. Internal national check digits are not computed.
 */
const IBAN_LAYOUTS = {
    FR: { letters: 0, digits: 23 },
    DE: { letters: 0, digits: 18 },
    GB: { letters: 4, digits: 14 },
    ES: { letters: 0, digits: 20 },
    IT: { letters: 1, digits: 22 },
    NL: { letters: 4, digits: 10 },
    BE: { letters: 0, digits: 12 },
    CH: { letters: 0, digits: 17 },
    PT: { letters: 0, digits: 21 },
    IE: { letters: 4, digits: 14 }
};
/** ISO 13616 check digits: move country + "00" to the end, letters as 10–35, 98 − (n mod 97). */
function ibanCheckDigits(country, bban) {
    let remainder = 0;
    for (const ch of bban + country + '00') {
        const value = ch >= 'A' && ch <= 'Z' ? ch.charCodeAt(0) - 55 : Number(ch);
        remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
    }
    return String(98 - remainder).padStart(2, '0');
}
function iban(random, country) {
    const layout = IBAN_LAYOUTS[country];
    if (!layout) {
        throw new GeneratorError(`iban: unsupported country ${JSON.stringify(country)} (supported: ${Object.keys(IBAN_LAYOUTS).join(', ')})`);
    }
    const bban = random.chars(layout.letters, UPPER) + random.chars(layout.digits, DIGITS);
    return `${country}${ibanCheckDigits(country, bban)}${bban}`;
}
/** Card brands: issuer prefixes and number length. */
const CARD_BRANDS = {
    visa: { prefixes: ['4'], length: 16 },
    mastercard: { prefixes: ['51', '52', '53', '54', '55', '2221', '2720'], length: 16 },
    'american-express': { prefixes: ['34', '37'], length: 15 },
    discover: { prefixes: ['6011', '644', '645', '649', '65'], length: 16 },
    'diners-club': { prefixes: ['300', '305', '36', '38'], length: 14 },
    jcb: { prefixes: ['3528', '3589'], length: 16 },
    unionpay: { prefixes: ['62'], length: 16 },
    maestro: { prefixes: ['5018', '5020', '5038', '6304', '6759'], length: 16 }
};
const BRAND_ALIASES = {
    visa: 'visa',
    mastercard: 'mastercard',
    americanexpress: 'american-express',
    amex: 'american-express',
    discover: 'discover',
    dinersclub: 'diners-club',
    diners: 'diners-club',
    jcb: 'jcb',
    unionpay: 'unionpay',
    maestro: 'maestro'
};
/** The digit that makes `payload` + digit pass the Luhn check. */
function luhnCheckDigit(payload) {
    let sum = 0;
    for (let i = 0; i < payload.length; i++) {
        // Counting from the right of the final number, the payload's last digit is second: doubled.
        let digit = Number(payload[payload.length - 1 - i]);
        if (i % 2 === 0) {
            digit *= 2;
            if (digit > 9)
                digit -= 9;
        }
        sum += digit;
    }
    return String((10 - (sum % 10)) % 10);
}
function cardNumber(random, brandArg) {
    let brand;
    if (brandArg === undefined || brandArg === '') {
        brand = random.pick(['visa', 'mastercard', 'american-express', 'discover']);
    }
    else {
        const found = BRAND_ALIASES[brandArg.toLowerCase().replace(/[^a-z]/g, '')];
        if (!found) {
            throw new GeneratorError(`creditCard: unknown card type ${JSON.stringify(brandArg)} (known: ${Object.keys(CARD_BRANDS).join(', ')})`);
        }
        brand = found;
    }
    const { prefixes, length } = CARD_BRANDS[brand];
    const prefix = random.pick(prefixes);
    const payload = prefix + random.chars(length - 1 - prefix.length, DIGITS);
    return payload + luhnCheckDigit(payload);
}
/** An ABA routing number: a Federal Reserve prefix (01–12, 21–32) and the 3-7-1 checksum. */
function routingNumber(random) {
    const district = random.bool() ? random.int(1, 12) : random.int(21, 32);
    const digits = (String(district).padStart(2, '0') + random.chars(6, DIGITS)).split('').map(Number);
    const weights = [3, 7, 1, 3, 7, 1, 3, 7];
    const sum = digits.reduce((total, digit, i) => total + digit * weights[i], 0);
    return digits.join('') + String((10 - (sum % 10)) % 10);
}
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** A Base58Check P2PKH address: version 0, a random 20-byte hash, a double-SHA-256 checksum. */
function bitcoinAddress(random) {
    const payload = Buffer.concat([Buffer.from([0]), Buffer.from(random.bytes(20))]);
    const first = (0,external_node_crypto_.createHash)('sha256').update(payload).digest();
    const checksum = (0,external_node_crypto_.createHash)('sha256').update(first).digest().subarray(0, 4);
    const bytes = Buffer.concat([payload, checksum]);
    let number = BigInt(`0x${bytes.toString('hex')}`);
    let out = '';
    while (number > 0n) {
        out = BASE58[Number(number % 58n)] + out;
        number /= 58n;
    }
    for (const byte of bytes) {
        if (byte !== 0)
            break;
        out = `1${out}`;
    }
    return out;
}
const financeGenerators = [
    {
        name: 'iban',
        category: 'finance',
        description: `A mod-97-valid IBAN. Arg: country (${Object.keys(IBAN_LAYOUTS).join(', ')}); default FR.`,
        example: '{{$iban:DE}}',
        generate: ({ random }, args) => iban(random, (args[0] || 'FR').toUpperCase())
    },
    {
        name: 'bic',
        category: 'finance',
        description: 'A BIC/SWIFT code of valid shape (8 or 11 characters).',
        example: '{{$bic}}',
        generate({ random }) {
            const base = random.chars(4, UPPER) + random.pick(COUNTRIES)[1] + random.chars(2, UPPER + DIGITS);
            return random.bool() ? base + random.chars(3, UPPER + DIGITS) : base;
        }
    },
    {
        name: 'creditCard',
        category: 'finance',
        description: `A Luhn-valid card number. Arg: ${Object.keys(CARD_BRANDS).join(', ')}.`,
        example: '{{$creditCard:visa}}',
        generate: ({ random }, args) => cardNumber(random, args[0])
    },
    {
        name: 'creditCardCvv',
        category: 'finance',
        description: 'A three-digit card security code.',
        example: '{{$creditCardCvv}}',
        generate: ({ random }) => random.chars(3, DIGITS)
    },
    {
        name: 'currency',
        category: 'finance',
        description: 'A three-letter ISO 4217 currency code.',
        example: '{{$currency}}',
        generate: ({ random }) => random.pick(CURRENCIES)
    },
    {
        name: 'price',
        category: 'finance',
        description: 'A price with two decimals. Args: min, max (defaults 1 and 1000).',
        example: '{{$price:9.99:199.99}}',
        generate({ random }, args) {
            const [min, max] = rangeArgs(args, floatArg, 1, 1000);
            return (min + random.float() * (max - min)).toFixed(2);
        }
    },
    {
        name: 'achRouting',
        category: 'finance',
        description: 'A nine-digit ABA routing number with a valid checksum.',
        example: '{{$achRouting}}',
        generate: ({ random }) => routingNumber(random)
    },
    {
        name: 'achAccount',
        category: 'finance',
        description: 'A twelve-digit bank account number.',
        example: '{{$achAccount}}',
        generate: ({ random }) => random.chars(12, DIGITS)
    },
    {
        name: 'bitcoinAddress',
        category: 'finance',
        description: 'A Base58Check-valid bitcoin (P2PKH) address.',
        example: '{{$bitcoinAddress}}',
        generate: ({ random }) => bitcoinAddress(random)
    }
];

;// CONCATENATED MODULE: ./src/engine/generators/internet.ts

function domain(random) {
    return `${random.pick(WORDS)}${random.pick(WORDS)}.${random.pick(TLDS)}`;
}
function hexByte(byte) {
    return byte.toString(16).padStart(2, '0');
}
const internetGenerators = [
    {
        name: 'url',
        category: 'internet',
        description: 'An https URL.',
        example: '{{$url}}',
        generate: ({ random }) => `https://www.${domain(random)}/${random.pick(WORDS)}`
    },
    {
        name: 'domain',
        category: 'internet',
        description: 'A domain name.',
        example: '{{$domain}}',
        generate: ({ random }) => domain(random)
    },
    {
        name: 'ipv4',
        category: 'internet',
        description: 'An IPv4 address.',
        example: '{{$ipv4}}',
        generate: ({ random }) => [random.int(1, 223), random.int(0, 255), random.int(0, 255), random.int(1, 254)].join('.')
    },
    {
        name: 'ipv6',
        category: 'internet',
        description: 'An IPv6 global unicast address (eight groups).',
        example: '{{$ipv6}}',
        generate: ({ random }) => [random.int(0x2000, 0x3fff), ...Array.from({ length: 7 }, () => random.int(0, 0xffff))]
            .map((group) => group.toString(16))
            .join(':')
    },
    {
        name: 'mac',
        category: 'internet',
        description: 'A locally administered unicast MAC address.',
        example: '{{$mac}}',
        generate({ random }) {
            const bytes = Array.from(random.bytes(6));
            bytes[0] = (bytes[0] & 0xfc) | 0x02;
            return bytes.map(hexByte).join(':');
        }
    },
    {
        name: 'userAgent',
        category: 'internet',
        description: 'A browser user-agent string.',
        example: '{{$userAgent}}',
        generate({ random }) {
            const template = random.pick(USER_AGENTS);
            const version = template.includes('Version/{v}') ? random.int(15, 18) : random.int(110, 130);
            return template.replaceAll('{v}', String(version));
        }
    },
    {
        name: 'httpMethod',
        category: 'internet',
        description: 'An HTTP method.',
        example: '{{$httpMethod}}',
        generate: ({ random }) => random.pick(HTTP_METHODS)
    },
    {
        name: 'emoji',
        category: 'internet',
        description: 'An emoji.',
        example: '{{$emoji}}',
        generate: ({ random }) => random.pick(EMOJIS)
    }
];

;// CONCATENATED MODULE: ./src/engine/generators/primitive.ts



const LETTERS = LOWER + UPPER;
const ALPHANUMERIC = LETTERS + DIGITS;
const primitiveGenerators = [
    {
        name: 'int',
        category: 'primitive',
        description: 'An integer between min and max inclusive. Args: min, max (defaults 0 and 1000).',
        example: '{{$int:1:100}}',
        generate({ random }, args) {
            const [min, max] = rangeArgs(args, intArg, 0, 1000);
            if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max)) {
                throw new GeneratorError(`int: bounds must be within ±${Number.MAX_SAFE_INTEGER}`);
            }
            return String(random.int(min, max));
        }
    },
    {
        name: 'float',
        category: 'primitive',
        description: 'A number between min and max with four decimals. Args: min, max (defaults 0 and 1000).',
        example: '{{$float:0:1}}',
        generate({ random }, args) {
            const [min, max] = rangeArgs(args, floatArg, 0, 1000);
            return (min + random.float() * (max - min)).toFixed(4);
        }
    },
    {
        name: 'bool',
        category: 'primitive',
        description: 'true or false.',
        example: '{{$bool}}',
        generate: ({ random }) => String(random.bool())
    },
    {
        name: 'digits',
        category: 'primitive',
        description: 'N random digits (default 6).',
        example: '{{$digits:4}}',
        generate: ({ random }, args) => random.chars(countArg(args, 0, 6, 'digits'), DIGITS)
    },
    {
        name: 'letters',
        category: 'primitive',
        description: 'N random letters, upper and lower case (default 8).',
        example: '{{$letters:10}}',
        generate: ({ random }, args) => random.chars(countArg(args, 0, 8, 'letters'), LETTERS)
    },
    {
        name: 'string',
        category: 'primitive',
        description: 'N random alphanumeric characters (default 16).',
        example: '{{$string:12}}',
        generate: ({ random }, args) => random.chars(countArg(args, 0, 16, 'string'), ALPHANUMERIC)
    },
    {
        name: 'uuid',
        category: 'primitive',
        description: 'A random (version 4) UUID.',
        example: '{{$uuid}}',
        generate({ random }) {
            const bytes = random.bytes(16);
            bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
            bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 9562 variant
            const hex = Array.from(bytes, (byte) => HEX[byte >> 4] + HEX[byte & 15]).join('');
            return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
        }
    }
];

;// CONCATENATED MODULE: ./src/engine/generators/text.ts



function wordList(random, count) {
    return Array.from({ length: count }, () => random.pick(WORDS));
}
const textGenerators = [
    {
        name: 'word',
        category: 'text',
        description: 'A single lowercase word.',
        example: '{{$word}}',
        generate: ({ random }) => random.pick(WORDS)
    },
    {
        name: 'words',
        category: 'text',
        description: 'N words separated by spaces (default 3).',
        example: '{{$words:5}}',
        generate: ({ random }, args) => wordList(random, countArg(args, 0, 3, 'words')).join(' ')
    },
    {
        name: 'sentence',
        category: 'text',
        description: 'A capitalised sentence of N words ending with a period (default 8).',
        example: '{{$sentence:10}}',
        generate({ random }, args) {
            const text = wordList(random, countArg(args, 0, 8, 'sentence')).join(' ');
            return text === '' ? '' : `${text[0].toUpperCase()}${text.slice(1)}.`;
        }
    },
    {
        name: 'slug',
        category: 'text',
        description: 'A kebab-case slug of N words (default 3).',
        example: '{{$slug:2}}',
        generate: ({ random }, args) => wordList(random, countArg(args, 0, 3, 'slug')).join('-')
    },
    {
        name: 'color',
        category: 'text',
        description: 'A colour name.',
        example: '{{$color}}',
        generate: ({ random }) => random.pick(COLORS)
    },
    {
        name: 'hexColor',
        category: 'text',
        description: 'A hex colour such as #3fa2c4.',
        example: '{{$hexColor}}',
        generate: ({ random }) => `#${random.chars(6, HEX)}`
    }
];

;// CONCATENATED MODULE: ./src/engine/generators/go-duration.ts
/**
 * Go's time.ParseDuration syntax, which the reference uses for time offsets
 * (`{{$timestamp:+15s}}`): an optional sign, then one or more decimal numbers
 * each with a unit (`ns`, `us`/`µs`, `ms`, `s`, `m`, `h`), e.g. `1h30m`, `-90s`,
 * `1.5h`; `0` alone. Returns milliseconds, or undefined when malformed.
 */
const UNIT_MS = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    μs: 1e-3,
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000
};
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
function parseGoDuration(text) {
    let rest = text;
    let sign = 1;
    if (rest.startsWith('-') || rest.startsWith('+')) {
        sign = rest.startsWith('-') ? -1 : 1;
        rest = rest.slice(1);
    }
    if (rest === '0')
        return 0;
    if (rest === '')
        return undefined;
    let total = 0;
    PART.lastIndex = 0;
    while (PART.lastIndex < rest.length) {
        const match = PART.exec(rest);
        if (!match)
            return undefined;
        total += Number(match[1]) * UNIT_MS[match[2]];
    }
    return sign * total;
}

;// CONCATENATED MODULE: ./src/engine/generators/time.ts



// Time values are taken at the execution's start (the injected clock), so they
// are the same everywhere in one run, as in the reference.
const DAY_MS = 86_400_000;
/** RFC 3339 in UTC at second precision, as Go's time.RFC3339 prints it. */
function rfc3339(ms) {
    return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
function startPlus(state, args) {
    const offset = args[0];
    if (offset === undefined || offset === '')
        return state.startedAt;
    const ms = parseGoDuration(offset);
    if (ms === undefined) {
        throw new GeneratorError(`offset ${JSON.stringify(offset)} is not a duration such as +15s, -1h or 90m`);
    }
    return state.startedAt + ms;
}
const timeGenerators = [
    {
        name: 'runId',
        category: 'time',
        description: 'Stable short id for this execution (same everywhere in one run).',
        example: '{{$runId}}',
        generate: (state) => state.runId
    },
    {
        name: 'timestamp',
        category: 'time',
        description: 'Unix seconds at execution start (stable). Arg: an offset such as +15s or -1h.',
        example: '{{$timestamp:+15s}}',
        generate: (state, args) => String(Math.floor(startPlus(state, args) / 1000))
    },
    {
        name: 'isoTimestamp',
        category: 'time',
        description: 'RFC 3339 UTC timestamp at execution start (stable). Arg: an offset such as +15s or -1h.',
        example: '{{$isoTimestamp:-1h}}',
        generate: (state, args) => rfc3339(startPlus(state, args))
    },
    {
        name: 'today',
        category: 'time',
        description: 'Execution date as YYYY-MM-DD, UTC (stable).',
        example: '{{$today}}',
        generate: (state) => rfc3339(state.startedAt).slice(0, 10)
    },
    {
        name: 'futureDate',
        category: 'time',
        description: 'A random RFC 3339 date between one day and a year after the execution start.',
        example: '{{$futureDate}}',
        generate: ({ random, startedAt }) => rfc3339(startedAt + random.int(DAY_MS, 365 * DAY_MS))
    },
    {
        name: 'pastDate',
        category: 'time',
        description: 'A random RFC 3339 date between one day and a year before the execution start.',
        example: '{{$pastDate}}',
        generate: ({ random, startedAt }) => rfc3339(startedAt - random.int(DAY_MS, 365 * DAY_MS))
    },
    {
        name: 'weekday',
        category: 'time',
        description: 'A weekday name.',
        example: '{{$weekday}}',
        generate: ({ random }) => random.pick(WEEKDAYS)
    }
];

;// CONCATENATED MODULE: ./src/engine/generators/registry.ts
/**
 * The generator registry behind `{{$name}}` and `{{$name:arg:arg}}`: every
 * generator of Echopoint's runner (pkg/dynamicvars, 61 across its versions),
 * under its camelCase name and a snake_case twin (`isoTimestamp`,
 * `iso_timestamp`). A new generator is one entry in its category's file.
 *
 * Values come from a deterministic stream seeded with the execution id, so the
 * same execution id gives the same values; time values come from the execution
 * start on an injectable clock.
 */














/** Every generator, by category. */
const generators = [
    ...timeGenerators,
    ...identityGenerators,
    ...contactGenerators,
    ...addressGenerators,
    ...financeGenerators,
    ...internetGenerators,
    ...commerceGenerators,
    ...textGenerators,
    ...primitiveGenerators
];

const byName = new Map();
for (const generator of generators) {
    byName.set(generator.name, generator);
    byName.set((0,wire_names/* snakeCase */.L)(generator.name), generator);
}
/** True when `name` (without the `$`, either spelling) is a generator. */
function isKnownGenerator(name) {
    return byName.has(name);
}
/** A generator context for one execution. */
function createGeneratorContext(options) {
    const startedAt = (options.now ?? Date.now)();
    const runId = (0,external_node_crypto_.createHash)('sha256').update(options.seed, 'utf8').digest('hex').slice(0, 12);
    return contextFor(options.seed, { random: Random.fromSeed(options.seed), startedAt, runId });
}
function contextFor(seed, state) {
    return {
        runId: state.runId,
        startedAt: state.startedAt,
        generate(name, args = []) {
            const generator = byName.get(name);
            if (!generator)
                throw new GeneratorError(unknownMessage(name));
            try {
                return generator.generate(state, args);
            }
            catch (error) {
                if (error instanceof GeneratorError && !error.message.startsWith(`{{$`)) {
                    throw new GeneratorError(`{{$${name}}}: ${error.message}`);
                }
                throw error;
            }
        },
        fork(label) {
            const childSeed = `${seed}\u0000${label}`;
            return contextFor(childSeed, { ...state, random: Random.fromSeed(childSeed) });
        }
    };
}
function unknownMessage(name) {
    // Suggest the nearest names (a wrong case, a typo); none when nothing is close.
    let best = 3;
    let near = [];
    for (const known of byName.keys()) {
        const distance = known.toLowerCase() === name.toLowerCase() ? 0 : editDistance(known, name);
        if (distance < best)
            [best, near] = [distance, [known]];
        else if (distance === best)
            near.push(known);
    }
    const hint = near.length > 0 && near.length <= 3
        ? `; did you mean ${near.map((n) => `{{$${n}}}`).join(' or ')}?`
        : '';
    return `unknown generator {{$${name}}}${hint} (docs/engine.md lists them)`;
}
function editDistance(a, b) {
    if (Math.abs(a.length - b.length) > 2)
        return 3;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
/** The catalogue, sorted by category then name, for docs and `--help` listings. */
function generatorCatalog() {
    return [...generators]
        .sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name))
        .map(({ name, category, description, example }) => ({ name, category, description, example }));
}


/***/ }),

/***/ 23695:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadFlow: () => (/* binding */ loadFlow)
});

// EXTERNAL MODULE: ./src/engine/flow/parse.ts + 1 modules
var parse = __webpack_require__(46501);
// EXTERNAL MODULE: ./src/engine/generators/registry.ts + 14 modules
var registry = __webpack_require__(45304);
// EXTERNAL MODULE: ./src/engine/templates.ts
var templates = __webpack_require__(84169);
// EXTERNAL MODULE: ./src/engine/nodes/spec.ts
var spec = __webpack_require__(62137);
// EXTERNAL MODULE: ./src/engine/flow/graph.ts
var flow_graph = __webpack_require__(9023);
;// CONCATENATED MODULE: ./src/engine/flow/validate.ts
/**
 * Checks a parsed flow as a whole before anything runs (docs/runner.md §2), and
 * reports every problem at once, each naming the node and the field:
 *
 * - an edge that names an unknown node; a cycle;
 * - a branch case or default whose target is not a successor of the branch;
 * - a reference `{{x}}` to an input the flow does not have, `{{node.key}}` to a
 *   node that is not upstream of the one using it (ours: an ancestor in the
 *   graph, where the reference only asked for an earlier place in the array), or
 *   to an output that node does not declare; an unknown `{{$generator}}`.
 *
 * `always` nodes may name any node of the flow (they run after the main phase),
 * but still only outputs it declares. Loop and poll bodies are nested flows,
 * checked with the inputs they get (the parent's, plus item and index, or attempt).
 */





/** Whether `node` yields output `key`: one its type always produces, or one it declares. */
function producesOutput(node, key) {
    return node.outputs.some((o) => o.name === key) || (0,spec/* intrinsicOutputs */.uF)(node).includes(key);
}
/** Walks a node's templated values: its data (without nested bodies) and its assertions. */
function referencesOf(node) {
    const found = [];
    const find = (value) => (0,templates/* listReferences */.Xo)(value).map((r) => ({ ref: r.ref, generator: r.kind === 'generator' }));
    const nested = node.type === 'loop' || node.type === 'poll';
    for (const [key, value] of Object.entries(node.data)) {
        if (nested && key === 'body')
            continue;
        for (const r of find(value))
            found.push({ ...r, field: `data.${key}` });
    }
    node.assertions.forEach((assertion, i) => {
        for (const r of find(assertion))
            found.push({ ...r, field: `assertions[${i}]` });
    });
    return found;
}
function checkReference(node, r, byId, graph, inputs, problems) {
    const where = { node: node.id, field: r.field };
    if (r.generator) {
        const name = r.ref.replace(/^\$/, '').split(':')[0];
        if (!(0,registry/* isKnownGenerator */.$9)(name)) {
            problems.push({ ...where, message: `{{${r.ref}}}: "$${name}" is not a generator` });
        }
        return;
    }
    const upstream = (id) => node.runWhen === 'always' || graph.isUpstream(id, node.id);
    const notUpstream = (id) => ({
        ...where,
        message: `{{${r.ref}}}: node "${id}" is not upstream of "${node.id}" (no path of edges leads from it here), so its outputs are not there when this node runs`
    });
    // The resolver's own rule (templates.ts): the longest dotted prefix that is a declared
    // output, then an input of that name. Validation and the run then agree.
    const root = (0,templates/* findReferenceRoot */.jO)(r.ref, {
        input: (name) => inputs.has(name),
        output: (id, key) => {
            const source = byId.get(id);
            return source !== undefined && producesOutput(source, key);
        }
    });
    if (root?.source === 'input')
        return;
    if (root?.source === 'output') {
        if (!upstream(root.nodeId))
            problems.push(notUpstream(root.nodeId));
        return;
    }
    // Nothing it could read: say why, most specific first.
    const [head, key] = r.ref.split('.');
    const source = byId.get(head);
    if (source && key !== undefined) {
        if (!upstream(source.id)) {
            problems.push(notUpstream(source.id));
            return;
        }
        const declared = [
            ...new Set([...(0,spec/* intrinsicOutputs */.uF)(source), ...source.outputs.map((o) => o.name)])
        ];
        problems.push({
            ...where,
            message: `{{${r.ref}}}: node "${source.id}" declares no output "${key}" (${declared.length > 0 ? `it declares ${declared.join(', ')}` : 'it declares none'})`
        });
        return;
    }
    problems.push({
        ...where,
        message: `{{${r.ref}}}: "${head}" is neither an input of the flow nor a node${inputs.size > 0 ? ` (inputs: ${[...inputs].sort().join(', ')})` : ''}`
    });
}
/** The nested flow of a loop or poll node, as a flow definition (or undefined when absent). */
function nestedFlow(node) {
    const body = node.data.body;
    return typeof body === 'object' && body !== null
        ? body
        : undefined;
}
/** Every problem of `flow` beyond its shape. */
function validateFlow(flow, options = {}) {
    const problems = [];
    const ids = new Set(flow.nodes.map((n) => n.id));
    flow.edges.forEach((edge, i) => {
        if (!ids.has(edge.source)) {
            problems.push({
                field: `edges[${i}].source`,
                message: `"${edge.source}" names no node of the flow`
            });
        }
        if (!ids.has(edge.target)) {
            problems.push({
                field: `edges[${i}].target`,
                message: `"${edge.target}" names no node of the flow`
            });
        }
    });
    const graph = new flow_graph/* FlowGraph */.$(flow);
    const cycle = graph.findCycle();
    if (cycle) {
        problems.push({
            node: cycle[0],
            field: 'edges',
            message: `the edges form a cycle: ${cycle.join(' → ')}`
        });
    }
    const inputs = new Set([...Object.keys(flow.initialInputs), ...(options.inputs ?? [])]);
    const byId = new Map(flow.nodes.map((n) => [n.id, n]));
    for (const node of flow.nodes) {
        problems.push(...(0,spec/* checkNodeData */.TW)(node));
        if (node.type === 'branch') {
            const successors = new Set(graph.successors(node.id));
            const cases = Array.isArray(node.data.cases) ? node.data.cases : [];
            cases.forEach((c, i) => {
                const target = typeof c === 'object' && c !== null ? c.target : undefined;
                if (typeof target === 'string' && target !== '' && !successors.has(target)) {
                    problems.push({
                        node: node.id,
                        field: `data.cases[${i}].target`,
                        message: `"${target}" is not a successor of the branch (no edge ${node.id} → ${target})`
                    });
                }
            });
            const fallback = node.data.default;
            if (typeof fallback === 'string' && fallback !== '' && !successors.has(fallback)) {
                problems.push({
                    node: node.id,
                    field: 'data.default',
                    message: `"${fallback}" is not a successor of the branch (no edge ${node.id} → ${fallback})`
                });
            }
        }
        for (const r of referencesOf(node))
            checkReference(node, r, byId, graph, inputs, problems);
        const body = nestedFlow(node);
        if (body && (node.type === 'loop' || node.type === 'poll')) {
            const parsed = (0,parse.parseFlow)({ name: `${node.id} body`, ...body });
            const extra = node.type === 'loop'
                ? [
                    String((0,parse/* field */.Z)(node.data, 'item_var', 'itemVar') ?? 'item'),
                    String((0,parse/* field */.Z)(node.data, 'index_var', 'indexVar') ?? 'index')
                ]
                : ['attempt'];
            const nested = validateFlow(parsed.flow, { inputs: [...inputs, ...extra] });
            for (const p of [...parsed.problems, ...nested]) {
                problems.push({
                    node: node.id,
                    field: `data.body.${p.node ? `${p.node}.` : ''}${p.field}`,
                    message: p.message
                });
            }
        }
    }
    return problems;
}

// EXTERNAL MODULE: ./src/engine/modules.ts
var modules = __webpack_require__(51699);
;// CONCATENATED MODULE: ./src/engine/load.ts



/** Parses and validates a flow definition. */
function loadFlow(raw, options = {}) {
    const parsed = (0,parse.parseFlow)(raw);
    const problems = [...parsed.problems, ...validateFlow(parsed.flow, { inputs: options.inputs })];
    if (options.referencedFlows !== undefined) {
        problems.push(...(0,modules/* checkModules */.s)(parsed.flow, options.referencedFlows, options.flowId));
    }
    return { flow: parsed.flow, problems };
}


/***/ }),

/***/ 51699:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   moduleTargets: () => (/* binding */ moduleTargets),
/* harmony export */   s: () => (/* binding */ checkModules)
/* harmony export */ });
/* harmony import */ var _flow_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46501);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82370);


/** The flow ids a flow's module nodes name, loop and poll bodies included, with the node naming each. */
function moduleTargets(flow) {
    const found = [];
    for (const node of flow.nodes) {
        if (node.type === 'module') {
            const flowId = (0,_flow_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .Z)(node.data, 'flow_id', 'flowId');
            if (typeof flowId === 'string' && flowId.trim() !== '') {
                found.push({ nodeId: node.id, flowId: flowId.trim() });
            }
        }
        if ((node.type === 'loop' || node.type === 'poll') && (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(node.data.body)) {
            const body = (0,_flow_parse_js__WEBPACK_IMPORTED_MODULE_0__.parseFlow)({ name: node.id, ...node.data.body }).flow;
            for (const inner of moduleTargets(body))
                found.push({ ...inner, nodeId: `${node.id}/${inner.nodeId}` });
        }
    }
    return found;
}
/** Missing referenced flows and module cycles, starting from `flow` (`rootId`: its own id, when known). */
function checkModules(flow, referenced = {}, rootId = '(this flow)') {
    const problems = [];
    const reported = new Set();
    const visit = (current, stack) => {
        for (const { nodeId, flowId } of moduleTargets(current)) {
            const where = { node: nodeId, field: 'data.flow_id' };
            if (stack.includes(flowId)) {
                const cycle = [...stack.slice(stack.indexOf(flowId)), flowId].join(' → ');
                if (!reported.has(cycle)) {
                    reported.add(cycle);
                    problems.push({
                        ...where,
                        message: `MODULE_CYCLE_DETECTED: the flows include each other: ${cycle}`
                    });
                }
                continue;
            }
            const child = referenced[flowId];
            if (!child) {
                if (!reported.has(`missing:${flowId}`)) {
                    reported.add(`missing:${flowId}`);
                    problems.push({
                        ...where,
                        message: `MODULE_FLOW_NOT_FOUND: flow ${flowId} is not among the referenced flows of this run`
                    });
                }
                continue;
            }
            const definition = (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(child.flow_definition) ? child.flow_definition : {};
            visit((0,_flow_parse_js__WEBPACK_IMPORTED_MODULE_0__.parseFlow)({ name: flowId, ...definition }).flow, [...stack, flowId]);
        }
    };
    visit(flow, [rootId]);
    return problems;
}


/***/ }),

/***/ 62137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TW: () => (/* binding */ checkNodeData),
/* harmony export */   uF: () => (/* binding */ intrinsicOutputs)
/* harmony export */ });
/* unused harmony export WEBHOOK_REQUEST_OUTPUTS */
/* harmony import */ var _flow_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46501);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82370);


/** The webhook_wait outputs without `expect` (one matching request). */
const WEBHOOK_REQUEST_OUTPUTS = ['id', 'method', 'headers', 'query', 'body', 'received_at'];
/** Outputs a node produces whatever it declares. */
function intrinsicOutputs(node) {
    switch (node.type) {
        case 'set_variable': {
            const variables = node.data.variables;
            return (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(variables) ? Object.keys(variables) : [];
        }
        case 'branch':
            return ['matched', 'matchedIndex'];
        case 'loop':
            return ['results', 'count'];
        case 'poll':
            return ['attempts', 'result'];
        case 'module': {
            const bindings = (0,_flow_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .Z)(node.data, 'output_bindings', 'outputBindings');
            return (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(bindings) ? Object.keys(bindings) : [];
        }
        case 'sse':
            return ['events', 'count', 'last'];
        case 'webhook_wait':
            return Array.isArray(node.data.expect) && node.data.expect.length > 0
                ? ['expectations', 'received']
                : WEBHOOK_REQUEST_OUTPUTS;
        default:
            return [];
    }
}
function isTemplateOrNumber(value) {
    return (value === undefined ||
        (typeof value === 'number' && Number.isFinite(value)) ||
        (typeof value === 'string' && /\{\{/.test(value)) ||
        (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))));
}
function nonNegative(node, problems, ...names) {
    const value = (0,_flow_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .Z)(node.data, ...names);
    if (!isTemplateOrNumber(value)) {
        problems.push({ node: node.id, field: `data.${names[0]}`, message: 'must be a number' });
    }
    else if (typeof value === 'number' && value < 0) {
        problems.push({ node: node.id, field: `data.${names[0]}`, message: 'must not be negative' });
    }
}
function needsBody(node, problems) {
    const body = node.data.body;
    if (!(0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(body) || !Array.isArray(body.nodes) || body.nodes.length === 0) {
        problems.push({
            node: node.id,
            field: 'data.body',
            message: 'must be a nested flow with at least one node ({"nodes": [...], "edges": [...]})'
        });
    }
}
function needsAssertions(node, problems, why) {
    if (node.assertions.length === 0) {
        problems.push({ node: node.id, field: 'assertions', message: `needs at least one (${why})` });
    }
}
/** Problems in a node's `data` that would fail it for sure; empty when none. */
function checkNodeData(node) {
    const problems = [];
    const at = (f, message) => {
        problems.push({ node: node.id, field: f, message });
    };
    const d = node.data;
    switch (node.type) {
        case 'request':
        case 'sse':
            if (typeof d.url !== 'string' || d.url.trim() === '')
                at('data.url', 'is missing');
            if (d.method !== undefined && typeof d.method !== 'string')
                at('data.method', 'must be text');
            if (d.headers !== undefined && !(0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(d.headers))
                at('data.headers', 'must be an object of header names to values');
            if (node.type === 'request')
                nonNegative(node, problems, 'timeout');
            else
                nonNegative(node, problems, 'timeout_ms', 'timeoutMs');
            break;
        case 'delay':
            if (d.duration === undefined)
                at('data.duration', 'is missing (milliseconds)');
            else
                nonNegative(node, problems, 'duration');
            break;
        case 'set_variable':
            if (!(0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(d.variables))
                at('data.variables', 'must be an object of names to values');
            break;
        case 'branch':
            if (!Array.isArray(d.cases))
                at('data.cases', 'must be a list of {when, target}');
            else
                d.cases.forEach((c, i) => {
                    if (!(0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(c) || !(0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(c.when))
                        at(`data.cases[${i}].when`, 'must be an assertion');
                    if (!(0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(c) || typeof c.target !== 'string' || c.target === '')
                        at(`data.cases[${i}].target`, 'must name a successor of the branch');
                });
            break;
        case 'loop':
            needsBody(node, problems);
            if (d.items === undefined)
                at('data.items', 'is missing (a list, or a template giving one)');
            else if (typeof d.items !== 'string' && !Array.isArray(d.items))
                at('data.items', 'must be a list or a template giving one');
            nonNegative(node, problems, 'max_iterations', 'maxIterations');
            break;
        case 'poll':
            needsBody(node, problems);
            needsAssertions(node, problems, 'they are the exit condition of the poll');
            nonNegative(node, problems, 'max_attempts', 'maxAttempts');
            nonNegative(node, problems, 'interval_ms', 'intervalMs');
            nonNegative(node, problems, 'timeout_ms', 'timeoutMs');
            break;
        case 'module': {
            const flowId = (0,_flow_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .Z)(d, 'flow_id', 'flowId');
            if (typeof flowId !== 'string' || flowId === '')
                at('data.flow_id', 'is missing');
            const bindings = (0,_flow_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .Z)(d, 'output_bindings', 'outputBindings');
            if ((0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(bindings)) {
                for (const [name, target] of Object.entries(bindings)) {
                    if (typeof target !== 'string' || !/^[^.]+\..+$/.test(target)) {
                        at(`data.output_bindings.${name}`, 'must be "childNodeId.outputKey"');
                    }
                }
            }
            break;
        }
        case 'webhook_wait':
            if (!Array.isArray(d.expect) || d.expect.length === 0) {
                needsAssertions(node, problems, 'a request passing them all ends the wait');
            }
            else {
                d.expect.forEach((group, i) => {
                    if (!(0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(group) || typeof group.name !== 'string' || group.name === '')
                        at(`data.expect[${i}].name`, 'is missing');
                    if (!(0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(group) ||
                        !Array.isArray(group.assertions) ||
                        group.assertions.length === 0)
                        at(`data.expect[${i}].assertions`, 'needs at least one assertion');
                });
            }
            nonNegative(node, problems, 'timeout_ms', 'timeoutMs');
            nonNegative(node, problems, 'settle_ms', 'settleMs');
            break;
        default:
            break;
    }
    return problems;
}


/***/ }),

/***/ 84169:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $w: () => (/* binding */ TemplateError),
/* harmony export */   Xo: () => (/* binding */ listReferences),
/* harmony export */   aW: () => (/* binding */ lookupReference),
/* harmony export */   g$: () => (/* binding */ resolveValue),
/* harmony export */   jO: () => (/* binding */ findReferenceRoot)
/* harmony export */ });
/* unused harmony exports resolveTemplates, formatLocation */
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82370);

/** Thrown by resolveValue when some templates do not resolve. */
class TemplateError extends Error {
    unresolved;
    name = 'TemplateError';
    constructor(unresolved) {
        super(unresolved.map(describeUnresolved).join('; '));
        this.unresolved = unresolved;
    }
}
// A template's inside excludes braces, as in the reference; surrounding spaces are ignored.
const WHOLE_TRIPLE = /^\{\{\{\s*([^{}]+?)\s*\}\}\}$/;
const WHOLE_DOUBLE = /^\{\{\s*([^{}]+?)\s*\}\}$/;
// In text, `{{{ref}}}` is read as `{{ref}}` (the reference left it as literal text).
const IN_TEXT = /\{\{\{\s*([^{}]+?)\s*\}\}\}|\{\{\s*([^{}]+?)\s*\}\}/g;
/**
 * Lists every template in a value (strings inside objects and arrays; keys are
 * not templated), for validation: the caller checks value references with
 * findReferenceRoot against inputs and upstream outputs, and generator names
 * with isKnownGenerator.
 */
function listReferences(value, options = {}) {
    const found = [];
    walkStrings(value, [], (text, location) => {
        const whole = wholeMatch(text, options);
        if (whole) {
            found.push(classify(whole.text, whole.ref, true, location));
            return;
        }
        for (const match of text.matchAll(IN_TEXT)) {
            const ref = (match[1] ?? match[2]).trim();
            if (ref !== '')
                found.push(classify(match[0], ref, false, location));
        }
    });
    return found;
}
function classify(text, ref, whole, location) {
    if (ref.startsWith('$')) {
        const [name, ...args] = ref.slice(1).split(':');
        return { kind: 'generator', text, ref, whole, location, name, args };
    }
    return { kind: 'value', text, ref, whole, location };
}
/**
 * Resolves every template in a value (recursively in objects and arrays) and
 * reports those that do not resolve; it never throws for a reference.
 */
function resolveTemplates(value, scope, options = {}) {
    const unresolved = [];
    const resolved = resolveNode(value, [], scope, options, unresolved);
    return { value: resolved, unresolved };
}
/** Like resolveTemplates, but throws TemplateError when anything is unresolved. */
function resolveValue(value, scope, options = {}) {
    const { value: resolved, unresolved } = resolveTemplates(value, scope, options);
    if (unresolved.length > 0)
        throw new TemplateError(unresolved);
    return resolved;
}
function resolveNode(value, location, scope, options, unresolved) {
    if (typeof value === 'string')
        return resolveString(value, location, scope, options, unresolved);
    if (Array.isArray(value)) {
        return value.map((item, index) => resolveNode(item, [...location, index], scope, options, unresolved));
    }
    if ((0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd)(value)) {
        const out = {};
        for (const [key, item] of Object.entries(value)) {
            out[key] = resolveNode(item, [...location, key], scope, options, unresolved);
        }
        return out;
    }
    return value;
}
function resolveString(text, location, scope, options, unresolved) {
    const whole = wholeMatch(text, options);
    if (whole) {
        const outcome = resolveRef(whole.ref, scope);
        if (outcome.ok)
            return outcome.value;
        unresolved.push({ text: whole.text, ref: whole.ref, location, reason: outcome.reason });
        return text;
    }
    return text.replace(IN_TEXT, (match, triple, double) => {
        const ref = (triple ?? double ?? '').trim();
        if (ref === '')
            return match;
        const outcome = resolveRef(ref, scope);
        if (outcome.ok)
            return (0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .toText */ .fE)(outcome.value);
        unresolved.push({ text: match, ref, location, reason: outcome.reason });
        return match;
    });
}
function wholeMatch(text, options) {
    const trimmed = text.trim();
    const match = WHOLE_TRIPLE.exec(trimmed) ??
        (options.wholeReferenceKeepsType ? WHOLE_DOUBLE.exec(trimmed) : null);
    if (!match)
        return undefined;
    const ref = match[1].trim();
    return ref === '' ? undefined : { text: trimmed, ref };
}
function resolveRef(ref, scope) {
    if (ref.startsWith('$')) {
        const [name, ...args] = ref.slice(1).split(':');
        try {
            return { ok: true, value: scope.generators.generate(name, args) };
        }
        catch (error) {
            return { ok: false, reason: error instanceof Error ? error.message : String(error) };
        }
    }
    return lookupReference(ref, scope);
}
/**
 * Finds the key a reference reads: the whole reference if it is a key, else the
 * longest dotted prefix that is one. A candidate `a.b…` is first a node output
 * (node `a`, output `b…`), then a flow input of that exact name. Shared by the
 * resolver and by validation, so both apply the same rules.
 */
function findReferenceRoot(ref, roots) {
    for (let end = ref.length; end > 0; end = ref.lastIndexOf('.', end - 1)) {
        const key = ref.slice(0, end);
        const path = end < ref.length ? ref.slice(end + 1).split('.') : [];
        const dot = key.indexOf('.');
        if (dot > 0 && roots.output(key.slice(0, dot), key.slice(dot + 1))) {
            return { source: 'output', nodeId: key.slice(0, dot), key: key.slice(dot + 1), path };
        }
        if (roots.input(key))
            return { source: 'input', name: key, path };
    }
    return undefined;
}
/**
 * Reads a (non-generator) reference from the scope's inputs and outputs,
 * walking into the value; on failure says why.
 */
function lookupReference(ref, scope) {
    const root = findReferenceRoot(ref, {
        input: (name) => (0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .hasOwn */ .$3)(scope.inputs, name),
        output: (nodeId, key) => {
            const outputs = scope.outputs(nodeId);
            return outputs !== undefined && (0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .hasOwn */ .$3)(outputs, key);
        }
    });
    if (!root)
        return { ok: false, reason: unknownReason(ref, scope) };
    const [label, start] = root.source === 'input'
        ? [root.name, scope.inputs[root.name]]
        : [`${root.nodeId}.${root.key}`, scope.outputs(root.nodeId)?.[root.key]];
    return walkPath(start, root.path, label);
}
function unknownReason(ref, scope) {
    const dot = ref.indexOf('.');
    if (dot > 0) {
        const nodeId = ref.slice(0, dot);
        if (scope.outputs(nodeId) !== undefined) {
            return `node ${nodeId} has no output ${JSON.stringify(ref.slice(dot + 1).split('.')[0])}`;
        }
        return `no flow input ${JSON.stringify(ref.split('.')[0])} or ${JSON.stringify(ref)}, and no finished node ${nodeId}`;
    }
    return `no flow input ${JSON.stringify(ref)}`;
}
function walkPath(start, path, label) {
    let value = start;
    let at = label;
    for (const segment of path) {
        if (Array.isArray(value)) {
            const index = /^\d+$/.test(segment) ? Number(segment) : -1;
            if (index < 0 || index >= value.length) {
                return {
                    ok: false,
                    reason: `${at} has no element ${JSON.stringify(segment)} (a list of ${value.length})`
                };
            }
            value = value[index];
        }
        else if ((0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd)(value)) {
            if (!(0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .hasOwn */ .$3)(value, segment))
                return { ok: false, reason: `${at} has no field ${JSON.stringify(segment)}` };
            value = value[segment];
        }
        else {
            return {
                ok: false,
                reason: `${at} is ${kindOf(value)}, so it has no ${JSON.stringify(segment)}`
            };
        }
        at = `${at}.${segment}`;
    }
    return { ok: true, value: value ?? null };
}
function kindOf(value) {
    if (value === null || value === undefined)
        return 'null';
    return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}
function walkStrings(value, location, visit) {
    if (typeof value === 'string')
        visit(value, location);
    else if (Array.isArray(value))
        value.forEach((item, index) => walkStrings(item, [...location, index], visit));
    else if ((0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd)(value)) {
        for (const [key, item] of Object.entries(value))
            walkStrings(item, [...location, key], visit);
    }
}
/** A location as users read it: `body.items[0].name` (empty for the root). */
function formatLocation(location) {
    let out = '';
    for (const part of location) {
        if (typeof part === 'number')
            out += `[${part}]`;
        else
            out += /^[A-Za-z_$][\w$-]*$/.test(part)
                ? `${out ? '.' : ''}${part}`
                : `[${JSON.stringify(part)}]`;
    }
    return out;
}
function describeUnresolved(item) {
    const where = item.location.length > 0 ? ` in ${formatLocation(item.location)}` : '';
    return `${item.text}${where}: ${item.reason}`;
}


/***/ }),

/***/ 54276:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ snakeCase)
/* harmony export */ });
/**
 * Echopoint's wire names moved from camelCase to snake_case (docs/runner.md §2); the
 * engine reads both and keys its registries by the snake_case form.
 */
/** `setVariable` → `set_variable`, `isoTimestamp` → `iso_timestamp`, `ipv4` → `ipv4`. */
function snakeCase(name) {
    return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}


/***/ })

};
