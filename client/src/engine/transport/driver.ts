/**
 * The engine's third-party libraries (dockerode with docker-modem, and ssh2): about 2 MB of code
 * that activation must not load. The build bundles this module on its own as `dist/engineDriver.js`;
 * reach it only through `engineDriver()` in driverLoader.ts, which loads it on the first engine call.
 */
export { default as Docker } from 'dockerode';
export { Client as SshClient } from 'ssh2';
// The build's helpers: BuildKit's progress is protobuf, the context is a tar filtered by .dockerignore.
export * as protobuf from 'protobufjs';
export { default as dockerignore } from '@balena/dockerignore';
export { pack as packTar } from 'tar-fs';
// A BuildKit session is gRPC served over a hijacked HTTP connection.
export * as grpc from '@grpc/grpc-js';
