// Checks the Kubernetes manifests offline, in two layers, because neither catches everything:
//  - schema: each object is built as its kubernetes-models class and validated against the JSON
//    schema of the Kubernetes API, ECK or CloudNativePG (wrong types, enum values, minimums,
//    missing required fields); the schemas allow unknown fields, so a misspelt one passes;
//  - types: the same objects are written out as typed TypeScript constants and compiled with tsc,
//    which refuses unknown (misspelt) fields and wrong types.
// Then cross-checks that the service's Deployment points at the engines the manifests define.
// It proves itself each run: broken copies of the manifests (wrong type, misspelt field, missing
// required field) must be rejected by the layer meant to catch them.
//
// Usage (bin/joinedup manifests does this): node check-manifests.mjs [--es-version V] FILE.yml...
// Run from the folder where package-lock.json was installed with npm ci.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseAllDocuments } from "yaml";

// Every kind the manifests may hold, with the model that knows its schema and type.
const MODELS = {
  "v1 Service": ["kubernetes-models/v1/Service", "Service"],
  "v1 Secret": ["kubernetes-models/v1/Secret", "Secret"],
  "v1 ConfigMap": ["kubernetes-models/v1/ConfigMap", "ConfigMap"],
  "apps/v1 Deployment": ["kubernetes-models/apps/v1/Deployment", "Deployment"],
  "autoscaling/v2 HorizontalPodAutoscaler": ["kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler", "HorizontalPodAutoscaler"],
  "policy/v1 PodDisruptionBudget": ["kubernetes-models/policy/v1/PodDisruptionBudget", "PodDisruptionBudget"],
  "elasticsearch.k8s.elastic.co/v1 Elasticsearch": ["@kubernetes-models/elastic-cloud/elasticsearch.k8s.elastic.co/v1/Elasticsearch", "Elasticsearch"],
  "postgresql.cnpg.io/v1 Cluster": ["@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster", "Cluster"],
  "postgresql.cnpg.io/v1 ScheduledBackup": ["@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/ScheduledBackup", "ScheduledBackup"],
};

// Deliberately broken copies: which kind, what is broken, and which layer must refuse it.
const BROKEN = [
  { kind: "Deployment", what: "spec.replicas is \"two\" (wrong type)", by: "schema", break: (d) => { d.spec.replicas = "two"; } },
  { kind: "Deployment", what: "spec.replica (misspelt field)", by: "types", break: (d) => { d.spec.replica = d.spec.replicas; delete d.spec.replicas; } },
  { kind: "Deployment", what: "spec.selector removed (missing required field)", by: "schema", break: (d) => { delete d.spec.selector; } },
  { kind: "Deployment", what: "container port protocl (misspelt field)", by: "types", break: (d) => { const p = d.spec.template.spec.containers[0].ports[0]; p.protocl = p.protocol; delete p.protocol; } },
  { kind: "Elasticsearch", what: "nodeSets[0].count is \"three\" (wrong type)", by: "schema", break: (d) => { d.spec.nodeSets[0].count = "three"; } },
  { kind: "Elasticsearch", what: "nodeSets[0].nodeCount (misspelt field)", by: "types", break: (d) => { d.spec.nodeSets[0].nodeCount = d.spec.nodeSets[0].count; delete d.spec.nodeSets[0].count; } },
  { kind: "Elasticsearch", what: "spec.version removed (missing required field)", by: "schema", break: (d) => { delete d.spec.version; } },
  { kind: "Cluster", what: "spec.instances is \"2\" (wrong type)", by: "schema", break: (d) => { d.spec.instances = "2"; } },
  { kind: "Cluster", what: "spec.storage.sise (misspelt field)", by: "types", break: (d) => { d.spec.storage.sise = d.spec.storage.size; delete d.spec.storage.size; } },
  { kind: "Cluster", what: "spec.instances removed (missing required field)", by: "schema", break: (d) => { delete d.spec.instances; } },
  { kind: "ScheduledBackup", what: "backupOwnerReference \"owner\" (not one of its values)", by: "schema", break: (d) => { d.spec.backupOwnerReference = "owner"; } },
  { kind: "HorizontalPodAutoscaler", what: "spec.maxReplicas removed (missing required field)", by: "schema", break: (d) => { delete d.spec.maxReplicas; } },
];

const args = process.argv.slice(2);
let esVersion = null;
if (args[0] === "--es-version") {
  esVersion = args[1];
  args.splice(0, 2);
}
if (args.length === 0) {
  console.error("usage: node check-manifests.mjs [--es-version V] FILE.yml...");
  process.exit(2);
}

const problems = [];
const manifests = [];
for (const file of args) {
  parseAllDocuments(readFileSync(file, "utf8")).forEach((parsed, i) => {
    if (parsed.errors.length) {
      problems.push(`${basename(file)} document ${i + 1}: not YAML: ${parsed.errors[0].message}`);
      return;
    }
    const object = parsed.toJS();
    if (object) manifests.push({ label: `${basename(file)}: ${object.kind} ${object.metadata?.name}`, object });
  });
}

const broken = [];
for (const b of BROKEN) {
  const original = manifests.find((m) => m.object.kind === b.kind);
  if (!original) {
    problems.push(`self-test: no ${b.kind} in the manifests to break`);
    continue;
  }
  const object = structuredClone(original.object);
  b.break(object);
  broken.push({ ...b, label: `broken ${b.kind}: ${b.what}`, object });
}

const all = [...manifests, ...broken];
for (const m of all) {
  m.schema = [];
  m.types = [];
  m.model = MODELS[`${m.object.apiVersion} ${m.object.kind}`];
  if (!m.model) m.schema.push(`no schema known for ${m.object.apiVersion} ${m.object.kind} (add it to MODELS)`);
}
for (const m of all.filter((m) => m.model)) {
  const Model = (await import(m.model[0]))[m.model[1]];
  try {
    new Model(m.object).validate();
  } catch (e) {
    if (!e.errors) throw e;
    for (const error of e.errors) m.schema.push(`${dotted(error.instancePath)}: ${error.message}`);
  }
}
typeCheck(all.filter((m) => m.model));

for (const m of manifests) {
  for (const p of [...m.schema.map((s) => `schema: ${s}`), ...m.types.map((t) => `types: ${t}`)]) problems.push(`${m.label}: ${p}`);
  if (!m.schema.length && !m.types.length) console.log(`ok       ${m.label}`);
}
crossCheck(manifests.map((m) => m.object));

console.log(`\n${"broken copies, each must be refused".padEnd(94)} schema  types`);
for (const b of broken) {
  const caught = b[b.by].length > 0;
  console.log(`${caught ? "refused " : "MISSED  "} ${b.label.padEnd(85)} ${mark(b.schema)}  ${mark(b.types)}`);
  for (const layer of ["schema", "types"]) {
    if (b[layer].length) console.log(`           ${layer}: ${b[layer][0]}`.slice(0, 150));
  }
  if (!caught) problems.push(`self-test: the ${b.by} layer did not refuse ${b.label}`);
}

if (problems.length) {
  console.error(`\n${problems.length} problem(s):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`\n${manifests.length} manifests valid; ${broken.length} broken copies refused`);

function mark(errors) {
  return errors.length ? "caught" : "  -   ";
}

function dotted(pointer) {
  return pointer.replace(/^\//, "").replace(/\/(\d+)(?=\/|$)/g, "[$1]").replaceAll("/", ".") || "(top)";
}

// One .mts file per object, `const value: IKind = {...}` with one property per line, compiled
// together in one tsc run; each error line is traced back to its object and field.
function typeCheck(objects) {
  const dir = join(process.cwd(), "typecheck");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", skipLibCheck: true, types: [] },
    include: ["*.mts"],
  }));
  const lines = [];
  objects.forEach((m, i) => {
    const [module, name] = m.model;
    const body = [];
    emit(m.object, "", 0, body, `const value: I${name} = `, ";");
    lines[i] = [null, ...body.map(([, path]) => path)];
    writeFileSync(join(dir, `object-${i}.mts`), [`import type { I${name} } from "${module}";`, ...body.map(([text]) => text), "export default value;", ""].join("\n"));
  });
  let output = "";
  try {
    execFileSync(join(process.cwd(), "node_modules", ".bin", "tsc"), ["-p", dir, "--pretty", "false"], { encoding: "utf8" });
  } catch (e) {
    output = `${e.stdout ?? ""}${e.stderr ?? ""}`;
    if (!output.trim()) problems.push(`tsc did not run: ${e.message}`);
  }
  let current = null; // the object the next continuation lines of a message belong to
  for (const line of output.split("\n")) {
    const error = line.match(/object-(\d+)\.mts\((\d+),\d+\): error (TS\d+: .*)/);
    if (error) {
      current = objects[Number(error[1])];
      const path = lines[Number(error[1])][Number(error[2]) - 1];
      current.types.push(`${path || "(top)"}: ${error[3]}`);
    } else if (line.trim() && current) {
      current.types[current.types.length - 1] += ` ${line.trim()}`;
    } else if (line.trim()) {
      problems.push(`tsc: ${line.trim()}`);
    }
  }
}

function emit(value, path, depth, out, prefix, suffix) {
  const pad = "  ".repeat(depth);
  if (Array.isArray(value) && value.length) {
    out.push([`${pad}${prefix}[`, path]);
    value.forEach((v, i) => emit(v, `${path}[${i}]`, depth + 1, out, "", ","));
    out.push([`${pad}]${suffix}`, path]);
  } else if (value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length) {
    out.push([`${pad}${prefix}{`, path]);
    for (const [k, v] of Object.entries(value)) emit(v, path ? `${path}.${k}` : k, depth + 1, out, `${JSON.stringify(k)}: `, ",");
    out.push([`${pad}}${suffix}`, path]);
  } else {
    out.push([`${pad}${prefix}${JSON.stringify(value)}${suffix}`, path]);
  }
}

// The service's Deployment must point at what the engines' manifests create.
function crossCheck(objects) {
  const deployment = objects.find((o) => o.kind === "Deployment");
  const es = objects.find((o) => o.kind === "Elasticsearch");
  const env = Object.fromEntries((deployment?.spec.template.spec.containers[0].env ?? []).map((e) => [e.name, e]));
  // the Cluster the service uses, not the one a restore would create beside it
  const pg = objects.find((o) => o.kind === "Cluster" && o.spec.bootstrap?.initdb
    && env.QUARKUS_DATASOURCE_JDBC_URL?.value?.includes(`//${o.metadata.name}-rw:`));
  if (!deployment || !es || !pg) {
    problems.push("cross-check: expected a Deployment, an Elasticsearch, and a new Cluster whose -rw Service QUARKUS_DATASOURCE_JDBC_URL names");
    return;
  }
  const expect = (what, actual, wanted) => {
    if (actual !== wanted) problems.push(`cross-check: ${what} is ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`);
    else console.log(`ok       cross-check: ${what} = ${actual}`);
  };
  if (esVersion) expect("Elasticsearch version (ES_VERSION in bin/lib/elasticsearch.sh)", es.spec.version, esVersion);
  expect("JOINEDUP_ELASTICSEARCH_HOSTS", env.JOINEDUP_ELASTICSEARCH_HOSTS?.value, `http://${es.metadata.name}-es-http:9200`);
  expect("JOINEDUP_ELASTICSEARCH_PASSWORD's secret, a file-realm user of the cluster",
    es.spec.auth?.fileRealm?.map((f) => f.secretName).find((s) => s === env.JOINEDUP_ELASTICSEARCH_PASSWORD?.valueFrom?.secretKeyRef?.name),
    env.JOINEDUP_ELASTICSEARCH_PASSWORD?.valueFrom?.secretKeyRef?.name);
  const nodes = es.spec.nodeSets.reduce((sum, set) => sum + (set.count ?? 0), 0);
  const replicas = Number(env.JOINEDUP_ELASTICSEARCH_REPLICAS?.value ?? 0);
  expect(`JOINEDUP_ELASTICSEARCH_REPLICAS (${replicas}) below the node count (${nodes})`, replicas < nodes, true);
  expect("QUARKUS_DATASOURCE_JDBC_URL", env.QUARKUS_DATASOURCE_JDBC_URL?.value,
    `jdbc:postgresql://${pg.metadata.name}-rw:5432/${pg.spec.bootstrap.initdb.database}`);
  expect("QUARKUS_DATASOURCE_PASSWORD's secret", env.QUARKUS_DATASOURCE_PASSWORD?.valueFrom?.secretKeyRef?.name, pg.spec.bootstrap.initdb.secret.name);
  // mail: the relay, sender and public address from a ConfigMap the manifests hold, with each key the
  // Deployment reads; the relay's credentials from a Secret (made by hand, like the others)
  for (const name of ["JOINEDUP_SMTP_HOST", "JOINEDUP_SMTP_PORT", "JOINEDUP_MAIL_FROM", "JOINEDUP_PUBLIC_URL"]) {
    const ref = env[name]?.valueFrom?.configMapKeyRef;
    const map = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === ref?.name);
    expect(`${name} from a ConfigMap of the manifests holding its key`, map?.data?.[ref?.key] !== undefined, true);
  }
  for (const name of ["QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD"]) {
    expect(`${name} from a Secret`, typeof env[name]?.valueFrom?.secretKeyRef?.name, "string");
  }
}
