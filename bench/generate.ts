/** Builds synthetic Dockerfiles of a given length from realistic multi-stage blocks. */

const block = (i: number): string[] => [
  `FROM berthwise-test/busybox:latest AS stage${i}`,
  `ARG VERSION_${i}=1.${i}`,
  `ENV APP_HOME=/opt/app${i} PATH=/opt/app${i}/bin:$PATH`,
  `WORKDIR /opt/app${i}`,
  `COPY --chown=nobody:nogroup ./src${i} ./src`,
  `RUN --mount=type=cache,target=/root/.cache \\`,
  `    echo "building \${VERSION_${i}}" \\`,
  `    && mkdir -p bin && touch bin/app`,
  `LABEL org.opencontainers.image.version="\${VERSION_${i}}"`,
  `EXPOSE 80${i % 100}`,
  `HEALTHCHECK --interval=30s --timeout=3s CMD wget -q --spider http://127.0.0.1/ || exit 1`,
  `USER nobody`,
  `ENTRYPOINT ["/opt/app${i}/bin/app"]`,
  `CMD ["--port", "80"]`,
  '',
];

/** A Dockerfile of exactly `lines` lines. */
export function generateDockerfile(lines: number): string {
  const out: string[] = [];
  for (let i = 0; out.length < lines; i += 1) {
    out.push(...block(i));
  }
  return out.slice(0, lines).join('\n') + '\n';
}
