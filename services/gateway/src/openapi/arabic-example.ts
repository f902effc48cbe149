/** A JSON schema as found in the document: only the keywords the example needs. */
export interface SchemaLike {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, SchemaLike>;
  required?: string[];
  items?: SchemaLike;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  anyOf?: SchemaLike[];
  oneOf?: SchemaLike[];
  allOf?: SchemaLike[];
  additionalProperties?: boolean | SchemaLike;
  description?: string;
  example?: unknown;
}

/** Texts of the domain, by the name of the field that holds them (Arabic, French, English). */
const TEXTS: Record<string, [string, string, string]> = {
  title: [
    'تعزيز الشفافية في تدبير الصفقات العمومية',
    'Renforcer la transparence des marchés publics',
    'Strengthen transparency in public procurement',
  ],
  name: ['وزارة الاقتصاد والمالية', "Ministère de l'Économie et des Finances", 'Ministry of Economy and Finance'],
  description: [
    'نشر بيانات الصفقات العمومية في صيغة مفتوحة وتحيينها كل شهر',
    'Publier les données des marchés publics en format ouvert, mises à jour chaque mois',
    'Publish public procurement data as open data, updated monthly',
  ],
  text: [
    'أقترح نشر ميزانيات الجماعات الترابية في بوابة موحدة',
    'Je propose de publier les budgets des collectivités sur un portail unique',
    'I propose publishing local budgets on a single portal',
  ],
  reason: [
    'الفكرة لا ترتبط بقيم الانفتاح',
    "L'idée ne relève pas des valeurs d'ouverture",
    'The idea is not tied to openness values',
  ],
  answer: [
    'تمت برمجة النشر في الربع القادم',
    'La publication est programmée au prochain trimestre',
    'Publication is scheduled for next quarter',
  ],
  results: ['نشر 12 مجموعة بيانات جديدة', 'Publication de 12 nouveaux jeux de données', '12 new datasets published'],
  displayName: ['فاطمة الزهراء العلوي', 'Fatima Zahra Alaoui', 'Fatima Zahra Alaoui'],
  message: ['البيانات المرسلة غير صالحة.', 'Les données envoyées ne sont pas valides.', 'The data sent is not valid.'],
};
const DEFAULT_TEXT: [string, string, string] = ['الحكومة المنفتحة', 'Gouvernement ouvert', 'Open government'];

/** Values tried, in order, for a field with a pattern: the first that matches it is the example. */
const PATTERN_CANDIDATES = [
  '2026-03-15',
  'weighted_activities',
  'OGP-MA-2026',
  'AXE-1',
  '+212 537 00 00 00',
  'JVBERi0xLjQK',
  'ogp',
  'A1',
  '1',
];
const BY_FORMAT: Record<string, string> = {
  uuid: '3f0c6a52-8d1e-4c7b-9a4f-2b6e1d0c9a71',
  date: '2026-03-15',
  'date-time': '2026-03-15T09:30:00.000Z',
  email: 'citoyen@example.ma',
  uri: 'https://www.gouvernement-ouvert.ma/ar',
  url: 'https://www.gouvernement-ouvert.ma/ar',
  binary: '',
};
const BY_NAME: Record<string, unknown> = {
  email: 'citoyen@example.ma',
  password: 'Kalima-Sirr-2026!',
  refreshToken: 'c2Vzc2lvbi1yZWZyZXNoLXRva2VuLWV4YW1wbGU',
  token: 'cGFzc3dvcmQtcmVzZXQtdG9rZW4tZXhhbXBsZQ',
  accessToken: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJleGFtcGxlIn0.c2lnbmF0dXJl',
  tokenType: 'Bearer',
  language: 'ar',
  code: 'OGP-MA-2026',
  phone: '+212 537 00 00 00',
  // "%PDF-1.4\n" in base64: the first bytes of a PDF, as the evidence type check expects.
  content: 'JVBERi0xLjQK',
};

const ARABIC = /[\u0600-\u06FF]/;

/** Whether a value holds Arabic text somewhere. */
export function holdsArabic(value: unknown): boolean {
  if (typeof value === 'string') return ARABIC.test(value);
  if (Array.isArray(value)) return value.some(holdsArabic);
  if (value && typeof value === 'object') return Object.values(value).some(holdsArabic);
  return false;
}

/**
 * An example value for a schema, Arabic first: multilingual fields get Arabic, French and English
 * texts of the domain, identifiers and dates their formats. The contract test validates each
 * example against its schema, so an example cannot drift from what it illustrates.
 */
export function arabicExample(
  schema: SchemaLike,
  components: Record<string, SchemaLike>,
  key = '',
  parentKey = '',
  depth = 0,
): unknown {
  if (depth > 12) return null;
  if (schema.$ref)
    return arabicExample(
      components[schema.$ref.split('/').pop() as string] ?? {},
      components,
      key,
      parentKey,
      depth + 1,
    );
  if (schema.example !== undefined) return schema.example;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum.find((v) => v !== null) ?? schema.enum[0];
  if (schema.allOf?.length) return arabicExample(schema.allOf[0], components, key, parentKey, depth + 1);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) {
    const chosen = variants.find((v) => !(v.type === 'null') && !(v as { not?: unknown }).not) ?? variants[0];
    return arabicExample(chosen, components, key, parentKey, depth + 1);
  }
  const types = Array.isArray(schema.type)
    ? schema.type
    : schema.type
      ? [schema.type]
      : schema.properties
        ? ['object']
        : [];
  const type = types.find((t) => t !== 'null') ?? types[0];
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {}))
        out[name] = arabicExample(property, components, name, key, depth + 1);
      return out;
    }
    case 'array': {
      const item = arabicExample(schema.items ?? {}, components, singular(key), key, depth + 1);
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => item);
    }
    case 'integer':
    case 'number':
      return numberFor(schema, key);
    case 'boolean':
      return false;
    case 'string':
      return stringFor(schema, key, parentKey);
    case 'null':
      return null;
    default:
      return {};
  }
}

function numberFor(schema: SchemaLike, key: string): number {
  const preferred = key === 'limit' ? 20 : key === 'offset' ? 0 : /progress|weight/i.test(key) ? 50 : 1;
  const min = schema.minimum ?? Number.NEGATIVE_INFINITY;
  const max = schema.maximum ?? Number.POSITIVE_INFINITY;
  return Math.min(Math.max(preferred, min), max);
}

function stringFor(schema: SchemaLike, key: string, parentKey: string): string {
  if (schema.format && BY_FORMAT[schema.format] !== undefined) return BY_FORMAT[schema.format];
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    const named = typeof BY_NAME[key] === 'string' ? [BY_NAME[key] as string] : [];
    const fits = (candidate: string) =>
      candidate.length >= (schema.minLength ?? 0) && candidate.length <= (schema.maxLength ?? Infinity);
    const found = [...named, ...PATTERN_CANDIDATES].find((candidate) => pattern.test(candidate) && fits(candidate));
    if (found) return found;
  }
  if (/Date$|^date$|On$/.test(key)) return '2026-03-15';
  if (/At$/.test(key)) return '2026-03-15T09:30:00.000Z';
  if (/(^id|Id)$/.test(key)) return BY_FORMAT.uuid;
  if (typeof BY_NAME[key] === 'string') return fit(BY_NAME[key] as string, schema);
  const language = key === 'fr' ? 1 : key === 'en' ? 2 : 0;
  const texts =
    TEXTS[key === 'ar' || key === 'fr' || key === 'en' ? parentKey : key] ?? TEXTS[parentKey] ?? DEFAULT_TEXT;
  return fit(texts[language], schema);
}

/** Trims or pads a text to the length limits of its field. */
function fit(text: string, schema: SchemaLike): string {
  let out = text;
  if (schema.maxLength !== undefined && out.length > schema.maxLength) out = out.slice(0, schema.maxLength);
  while (schema.minLength !== undefined && out.length < schema.minLength) out += ` ${text}`;
  return out;
}

function singular(key: string): string {
  return key.endsWith('ies') ? `${key.slice(0, -3)}y` : key.endsWith('s') ? key.slice(0, -1) : key;
}
