// A minimal Node client that performs the seed library's exchanges (johnwoo-nl/emproto, TypeScript)
// the way that library performs them, for a side-by-side benchmark against EmProto on loopback.
// Written from the protocol description (docs/protocol.md) and the seed library's documented behaviour; it is not the
// seed library (which has no npm package), so it is a lower bound for that library's own overhead:
//   login()         RequestLogin (0x8002) -> LoginResponse (2) or PasswordErrorResponse (341) -> LoginConfirm (0x8001)
//   fetchSystemTime SetAndGetSystemTime GET (0x8101, action 0, timestamp 0) -> 0x0101
//   fetchConfig(0)  six GETs sent at once (name 0x8108, language 0x810F, offline charge 0x810D,
//                   current 0x8107, temperature unit 0x8112, version 0x8106), waits for all six replies
// Like the seed's communicator it answers Heading (3) with 0x8003 and status (4) with 0x8004.
// Usage: node seed-exchange.mjs --port <app port> --charger <ip:port> --serial <hex16> --password <6 digits>
//        [--iterations N] [--warmup N] [--out result.json]
// Loopback only: refuses any charger address other than 127.0.0.1.
import dgram from "node:dgram";
import fs from "node:fs";

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith("--")) acc.push([a.slice(2), all[i + 1]]);
    return acc;
}, []));
const port = Number(args.port);
const [chargerHost, chargerPortText] = String(args.charger ?? "").split(":");
const chargerPort = Number(chargerPortText);
const serial = Buffer.from(String(args.serial ?? ""), "hex");
const password = String(args.password ?? "");
const iterations = Number(args.iterations ?? 300);
const warmup = Number(args.warmup ?? 30);
if (chargerHost !== "127.0.0.1" || !(chargerPort > 0) || !(port > 0) || serial.length !== 8 || !/^\d{6}$/.test(password)) {
    console.error("usage: --port <app port> --charger 127.0.0.1:<port> --serial <16 hex digits> --password <6 digits>");
    process.exit(2);
}

const TIMEOUT_MS = 5000;

function pack(command, payload) {
    const length = 25 + payload.length;
    const b = Buffer.alloc(length);
    b.writeUInt16BE(0x0601, 0);
    b.writeUInt16BE(length, 2);
    b.writeUInt8(0, 4);
    serial.copy(b, 5);
    b.write(password, 13, 6, "ascii");
    b.writeUInt16BE(command, 19);
    payload.copy(b, 21);
    let sum = 0;
    for (let i = 0; i < 21 + payload.length; i++) sum += b[i];
    b.writeUInt16BE(sum % 0x10000, 21 + payload.length);
    b.writeUInt16BE(0x0f02, 23 + payload.length);
    return b;
}

const socket = dgram.createSocket({ type: "udp4" });
const waiters = new Map(); // command -> array of { resolve, timer }

function send(command, payload = Buffer.from([0])) {
    return new Promise((resolve, reject) => {
        const b = pack(command, payload);
        socket.send(b, 0, b.length, chargerPort, chargerHost, err => (err ? reject(err) : resolve()));
    });
}

function waitFor(commands) {
    return new Promise((resolve, reject) => {
        const entry = { resolve: null, timer: null };
        const cleanup = () => {
            clearTimeout(entry.timer);
            for (const c of commands) {
                const list = waiters.get(c);
                if (list) waiters.set(c, list.filter(e => e !== entry));
            }
        };
        entry.resolve = cmd => { cleanup(); resolve(cmd); };
        entry.timer = setTimeout(() => { cleanup(); reject(new Error(`timeout waiting for ${commands}`)); }, TIMEOUT_MS);
        for (const c of commands) waiters.set(c, [...(waiters.get(c) ?? []), entry]);
    });
}

socket.on("message", buffer => {
    while (buffer.length >= 25) {
        if (buffer.readUInt16BE(0) !== 0x0601) return;
        const length = buffer.readUInt16BE(2);
        if (length < 25 || length > buffer.length) return;
        if (buffer.subarray(5, 13).equals(serial)) {
            const command = buffer.readUInt16BE(19);
            if (command === 3) send(0x8003).catch(() => {});
            if (command === 4) send(0x8004, Buffer.from([1])).catch(() => {});
            const list = waiters.get(command);
            if (list && list.length > 0) list[0].resolve(command);
        }
        buffer = buffer.subarray(length);
    }
});

async function login() {
    await send(0x8002);
    const reply = await waitFor([2, 341]);
    if (reply === 341) throw new Error("Invalid password");
    await send(0x8001);
}

async function fetchSystemTime() {
    const reply = waitFor([0x0101]);
    await send(0x8101, Buffer.from([0, 0, 0, 0, 0]));
    await reply;
}

async function fetchConfig() {
    const all = Promise.all([[0x0108], [0x010f], [0x010d], [0x0112], [0x0107], [0x0106]].map(waitFor));
    const get = Buffer.from([2, 0]);
    const nameGet = Buffer.alloc(33);
    nameGet[0] = 2;
    send(0x8108, nameGet);
    send(0x810f, get);
    send(0x810d, get);
    send(0x8107, get);
    send(0x8112, get);
    send(0x8106, Buffer.alloc(0));
    await all;
}

function median(values) {
    const s = [...values].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function measure(name, action) {
    const samples = [];
    for (let i = 0; i < warmup + iterations; i++) {
        const t0 = process.hrtime.bigint();
        await action();
        const us = Number(process.hrtime.bigint() - t0) / 1000;
        if (i >= warmup) samples.push(us);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    return { name, medianUs: median(samples), p99Us: sorted[Math.floor(sorted.length * 0.99)], n: samples.length };
}

await new Promise((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(port, "127.0.0.1", resolve);
});
try {
    await login();
    const results = [
        await measure("login", login),
        await measure("fetchSystemTime", fetchSystemTime),
        await measure("fetchConfig(0)", fetchConfig),
    ];
    const text = JSON.stringify({ node: process.version, results }, null, 2);
    if (args.out) fs.writeFileSync(args.out, text);
    console.log(text);
} finally {
    socket.close();
}
