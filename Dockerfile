# syntax=docker/dockerfile:1
# The resilcheck image: one static binary on a distroless base, run as a non-root user. It
# carries the built-in policy bundle and schemas (embedded in the binary) and nothing else:
# no shell, no scenarios, no sources. Mount the manifests to judge at /work:
#
#   docker build --build-arg VERSION=v0.1.0 -t resilcheck .
#   docker run --rm -v "$PWD/manifests:/work/manifests:ro" resilcheck check manifests/
#
# To write reports into a mounted directory, run as its owner: --user "$(id -u):$(id -g)".

# The Go version of go.mod, so the build needs no toolchain download.
ARG GO_VERSION=1.26.8

FROM golang:${GO_VERSION} AS build
WORKDIR /src
# Modules first: this layer is reused until go.mod or go.sum change.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=devel
# CGO off makes the binary static (the runtime image has no libc); -trimpath keeps the build
# machine's paths out of it. Where no Docker daemon runs, .ci/run builds with this same command
# and runs the result in a stand-in for the image (TestContainerBuildCommand holds them equal).
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.toolVersion=${VERSION}" \
      -o /out/resilcheck ./cmd/resilcheck \
 && /out/resilcheck version

# distroless/static has /tmp (reports are spooled there while a run is judged), CA
# certificates and time zone data, and a nonroot user (65532); no shell or package manager.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/resilcheck /usr/local/bin/resilcheck
COPY --from=build /src/LICENSE /usr/share/doc/resilcheck/LICENSE
WORKDIR /work
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/resilcheck"]
CMD ["--help"]
