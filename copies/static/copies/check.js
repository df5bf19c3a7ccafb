// The copy check page: is this copy the one we signed? It loads manifest.json and its
// minisign signature from the copy's root, checks the signature with the public key shown
// on the page (or one the reader pastes), then fetches every listed file and compares its
// SHA-256 with the manifest. Ed25519 comes from the browser (WebCrypto); BLAKE2b, which
// minisign's signatures are made over, from blake2b.js.
(function () {
  "use strict";

  const page = document.getElementById("copy-check");
  if (!page) return;
  const messages = JSON.parse(document.getElementById("copy-check-messages").textContent);
  const status = document.getElementById("copy-check-status");
  const problems = document.getElementById("copy-check-problems");
  const keyField = document.getElementById("copy-check-key");
  const root = new URL(page.dataset.root, document.baseURI);
  const PARALLEL = 6;

  // What stops the check: "bad" when the copy is not ours, "unknown" when we cannot tell.
  class CheckFailed extends Error {
    constructor(message, verdict) {
      super(message);
      this.verdict = verdict || "unknown";
    }
  }

  function say(name, values) {
    let text = messages[name];
    for (const [key, value] of Object.entries(values || {})) {
      text = text.replace("{" + key + "}", value);
    }
    return text;
  }

  function show(name, values, verdict) {
    status.textContent = say(name, values);
    page.dataset.verdict = verdict || "";
  }

  function fromBase64(text) {
    const raw = atob(text.trim());
    return Uint8Array.from(raw, (c) => c.charCodeAt(0));
  }

  function hex(bytes) {
    return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function fingerprint(keyId) {
    return hex(keyId.slice().reverse()).toUpperCase();
  }

  function sameBytes(a, b) {
    return a.length === b.length && a.every((byte, i) => byte === b[i]);
  }

  function parsePublicKey(text) {
    const lines = text.split("\n").filter((l) => l.trim() && !l.startsWith("untrusted comment:"));
    let blob;
    try {
      blob = fromBase64(lines[0] || "");
    } catch (error) {
      blob = new Uint8Array(0);
    }
    if (blob.length !== 42 || blob[0] !== 0x45 || blob[1] !== 0x64) {
      throw new CheckFailed(say("bad_key"));
    }
    return { keyId: blob.slice(2, 10), raw: blob.slice(10) };
  }

  function parseSignature(text) {
    const lines = text.split("\n");
    const trustedPrefix = "trusted comment: ";
    try {
      const blob = fromBase64(lines[1]);
      const global = fromBase64(lines[3]);
      if (blob.length === 74 && global.length === 64 && lines[2].startsWith(trustedPrefix)) {
        return {
          prehashed: blob[1] === 0x44, // "ED": the signature is over BLAKE2b-512 of the file
          keyId: blob.slice(2, 10),
          signature: blob.slice(10),
          trusted: new TextEncoder().encode(lines[2].slice(trustedPrefix.length)),
          global: global,
        };
      }
    } catch (error) {
      // falls through to the refusal below
    }
    throw new CheckFailed(say("bad_signature"), "bad");
  }

  async function fetchBytes(name) {
    const url = new URL(name.split("/").map(encodeURIComponent).join("/"), root);
    const response = await fetch(url, { cache: "no-store" });
    if (!response.ok) return null;
    return new Uint8Array(await response.arrayBuffer());
  }

  async function verifySignature(publicKey, data, signatureText) {
    const signed = parseSignature(signatureText);
    if (!sameBytes(signed.keyId, publicKey.keyId)) {
      const other = say("other_key", { fingerprint: fingerprint(signed.keyId) });
      throw new CheckFailed(other, "bad");
    }
    let key;
    try {
      key = await crypto.subtle.importKey("raw", publicKey.raw, { name: "Ed25519" }, false, [
        "verify",
      ]);
    } catch (error) {
      throw new CheckFailed(say("no_crypto"));
    }
    const message = signed.prehashed ? window.samizdatBlake2b(data) : data;
    const both = new Uint8Array(64 + signed.trusted.length);
    both.set(signed.signature);
    both.set(signed.trusted, 64);
    const algorithm = { name: "Ed25519" };
    const fileSigned = await crypto.subtle.verify(algorithm, key, signed.signature, message);
    const commentSigned = await crypto.subtle.verify(algorithm, key, signed.global, both);
    if (!fileSigned || !commentSigned) throw new CheckFailed(say("bad_signature"), "bad");
  }

  async function checkFiles(files) {
    const names = Object.keys(files).sort();
    const found = [];
    let next = 0;
    let checked = 0;
    async function worker() {
      while (next < names.length) {
        const name = names[next++];
        const body = await fetchBytes(name).catch(() => null);
        if (body === null) {
          found.push(say("missing", { name: name }));
        } else if (hex(await crypto.subtle.digest("SHA-256", body)) !== files[name]) {
          found.push(say("changed", { name: name }));
        }
        checked += 1;
        if (checked % 25 === 0) show("checking_files", { checked: checked, total: names.length });
      }
    }
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    return found.sort();
  }

  async function check() {
    problems.replaceChildren();
    show("checking_signature");
    if (!window.crypto || !crypto.subtle) throw new CheckFailed(say("no_crypto"));
    const publicKey = parsePublicKey(keyField.value);
    let manifest, signature;
    try {
      manifest = await fetchBytes("manifest.json");
      signature = await fetchBytes("manifest.json.minisig");
    } catch (error) {
      manifest = null;
    }
    if (!manifest || !signature) throw new CheckFailed(say("no_manifest"));
    await verifySignature(publicKey, manifest, new TextDecoder().decode(signature));
    const listing = JSON.parse(new TextDecoder().decode(manifest));
    const total = Object.keys(listing.files).length;
    show("checking_files", { checked: 0, total: total });
    const found = await checkFiles(listing.files);
    if (found.length) {
      show("not_genuine", { count: found.length, total: total }, "bad");
      for (const problem of found) {
        const item = document.createElement("li");
        item.textContent = problem;
        problems.append(item);
      }
    } else {
      show("genuine", { total: total, generated: listing.generated }, "good");
    }
  }

  document.getElementById("copy-check-start").addEventListener("click", () => {
    check().catch((error) => {
      const known = error instanceof CheckFailed;
      status.textContent = known ? error.message : say("broken", { error: String(error) });
      page.dataset.verdict = known ? error.verdict : "unknown";
    });
  });
})();
