/**
 * Decodes the progress records of a BuildKit build over the Engine API. Each `moby.buildkit.trace`
 * record's `aux` is a base64 protobuf `moby.buildkit.v1.StatusResponse`. The messages are declared
 * here from the field numbers and types of BuildKit's `api/services/control/control.proto` (and the
 * `ProgressGroup` of `solver/pb/ops.proto`); protobufjs does the wire decoding. Fields we do not use
 * (warnings' source ranges) are left undeclared: protobuf skips unknown fields by design. protobufjs
 * lives in the lazily loaded engine driver bundle, like dockerode.
 */
import type * as protobuf from 'protobufjs';
import { engineDriver } from '../transport/driverLoader';

const statusProto = `
syntax = "proto3";
package berthwise.buildkit;
message Timestamp { int64 seconds = 1; int32 nanos = 2; }
message ProgressGroup { string id = 1; string name = 2; bool weak = 3; }
message Vertex {
  string digest = 1;
  repeated string inputs = 2;
  string name = 3;
  bool cached = 4;
  Timestamp started = 5;
  Timestamp completed = 6;
  string error = 7;
  ProgressGroup progressGroup = 8;
}
message VertexStatus {
  string ID = 1;
  string vertex = 2;
  string name = 3;
  int64 current = 4;
  int64 total = 5;
  Timestamp timestamp = 6;
  Timestamp started = 7;
  Timestamp completed = 8;
}
message VertexLog { string vertex = 1; Timestamp timestamp = 2; int64 stream = 3; bytes msg = 4; }
message VertexWarning { string vertex = 1; int64 level = 2; bytes short = 3; repeated bytes detail = 4; string url = 5; }
message StatusResponse {
  repeated Vertex vertexes = 1;
  repeated VertexStatus statuses = 2;
  repeated VertexLog logs = 3;
  repeated VertexWarning warnings = 4;
}
`;

/** One build step as BuildKit reports it; times in milliseconds since the epoch. */
export interface BuildVertex {
  readonly digest: string;
  readonly inputs: readonly string[];
  /** e.g. `[build 2/4] RUN make` (the Dockerfile frontend's naming) or `[internal] load build context`. */
  readonly name: string;
  readonly cached: boolean;
  readonly started?: number;
  readonly completed?: number;
  readonly error?: string;
}

/** Progress inside a step (bytes transferred, files copied). */
export interface BuildVertexStatus {
  readonly id: string;
  readonly vertex: string;
  readonly name: string;
  readonly current: number;
  readonly total: number;
  readonly completed?: number;
}

/** Output of a step: stream 1 is stdout, 2 is stderr. */
export interface BuildVertexLog {
  readonly vertex: string;
  readonly stream: number;
  readonly data: Uint8Array;
}

export interface BuildWarning {
  readonly vertex: string;
  readonly message: string;
  readonly url?: string;
}

/** One decoded StatusResponse. */
export interface BuildStatusUpdate {
  readonly vertexes: readonly BuildVertex[];
  readonly statuses: readonly BuildVertexStatus[];
  readonly logs: readonly BuildVertexLog[];
  readonly warnings: readonly BuildWarning[];
}

let statusType: protobuf.Type | undefined;

function statusResponseType(): protobuf.Type {
  statusType ??= engineDriver().protobuf.parse(statusProto, { keepCase: true }).root.lookupType('berthwise.buildkit.StatusResponse');
  return statusType;
}

interface RawTimestamp {
  seconds?: number;
  nanos?: number;
}

const toNumber = (value: number | undefined): number => value ?? 0;
const toMillis = (time: RawTimestamp | null | undefined): number | undefined => (time ? toNumber(time.seconds) * 1000 + Math.floor((time.nanos ?? 0) / 1e6) : undefined);
const optional = <K extends string, V>(key: K, value: V | undefined | ''): { [P in K]?: V } => (value === undefined || value === '' ? {} : ({ [key]: value } as { [P in K]?: V }));

/** Decodes the base64 `aux` of a `moby.buildkit.trace` record. Throws on bytes that are not a StatusResponse. */
export function decodeBuildStatus(auxBase64: string): BuildStatusUpdate {
  const type = statusResponseType();
  const raw = type.toObject(type.decode(Buffer.from(auxBase64, 'base64')), { arrays: true, defaults: true, longs: Number }) as RawStatus;
  return {
    vertexes: raw.vertexes.map((v) => ({
      digest: v.digest,
      inputs: v.inputs,
      name: v.name,
      cached: v.cached,
      ...optional('started', toMillis(v.started)),
      ...optional('completed', toMillis(v.completed)),
      ...optional('error', v.error),
    })),
    statuses: raw.statuses.map((s) => ({ id: s.ID, vertex: s.vertex, name: s.name, current: toNumber(s.current), total: toNumber(s.total), ...optional('completed', toMillis(s.completed)) })),
    logs: raw.logs.map((l) => ({ vertex: l.vertex, stream: toNumber(l.stream), data: l.msg })),
    warnings: raw.warnings.map((w) => ({ vertex: w.vertex, message: Buffer.from(w.short).toString('utf8'), ...optional('url', w.url) })),
  };
}

interface RawStatus {
  vertexes: { digest: string; inputs: string[]; name: string; cached: boolean; started?: RawTimestamp | null; completed?: RawTimestamp | null; error: string }[];
  statuses: { ID: string; vertex: string; name: string; current: number; total: number; completed?: RawTimestamp | null }[];
  logs: { vertex: string; stream: number; msg: Uint8Array }[];
  warnings: { vertex: string; short: Uint8Array; url: string }[];
}
