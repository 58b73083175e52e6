# A static opensergo in an empty image: built with musl on Alpine, then the
# one binary copied into scratch. The build commands live in
# scripts/static-build, which tests/packaging.rs runs without Docker.
#
#   docker build --tag opensergo-image .
#   docker run --rm -v "$PWD:/work" opensergo-image validate deploy/rules/
FROM rust:1.88-alpine AS build
RUN apk add --no-cache bash binutils musl-dev
WORKDIR /src
COPY . .
RUN scripts/static-build /out

FROM scratch
COPY --from=build /out/opensergo /opensergo
WORKDIR /work
ENTRYPOINT ["/opensergo"]
CMD ["--help"]
