// Content negotiation for bodies the app compresses itself (the cached chart series).

/** Whether the request's Accept-Encoding allows gzip (q=0 refuses it). */
export function acceptsGzip(request: Pick<Request, "headers">): boolean {
  const header = request.headers.get("accept-encoding") ?? "";
  return header.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return (coding === "gzip" || coding === "*") && (q === undefined || Number(q.slice(2)) > 0);
  });
}
