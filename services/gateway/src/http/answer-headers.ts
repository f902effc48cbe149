/**
 * Headers on every API answer besides its correlation id: the API answers JSON only, so user text
 * (an idea, a comment) can never run as a page. `/docs` (Swagger's page) goes without the policy.
 */
export const API_ANSWER_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
} as const;
