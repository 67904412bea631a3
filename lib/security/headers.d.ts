export function contentSecurityPolicy(nonce: string, opts?: { dev?: boolean }): string;
export function securityHeaders(opts: { production: boolean; publicUrl?: string }): { key: string; value: string }[];
