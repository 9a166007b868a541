// Generates scripts/wasm/normal.wat (the float32 Box-Muller kernel, unrolled
// over one 16-element block) and assembles it into engine/random/normal-bytes.ts
// (base64), as build-gemm.mjs does for the GEMM module.
// Run: node scripts/wasm/build-normal.mjs   (--check: exit 1 if either output is stale)
//
// The kernel mirrors engine/random/normal-f32.ts operation for operation. That
// kernel evaluates each step as one double expression rounded once with
// Math.fround (a*b + c with the product exact in double), so here every lane
// pair is an f64x2 and each Math.fround is F(): demote to float32 and promote
// back. Plain f32x4 arithmetic would round a*b before the add: not the same.
// The exponent/mantissa split and the octant index are integer lane ops on
// the float32 bits, as in the Cephes vector code.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

const lit = (v) => {
  const s = String(v);
  if (Number(s) !== v) throw new Error(`literal ${v} does not round-trip`);
  return s;
};
const C = (v) => `(v128.const f64x2 ${lit(v)} ${lit(v)})`;
const CF = (v) => `(v128.const f32x4 ${lit(v)} ${lit(v)} ${lit(v)} ${lit(v)})`;
const CI = (v) => `(v128.const i32x4 ${v} ${v} ${v} ${v})`;
const F = (x) => `(f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero ${x}))`;
const mul = (a, b) => `(f64x2.mul ${a} ${b})`;
const add = (a, b) => `(f64x2.add ${a} ${b})`;
const sub = (a, b) => `(f64x2.sub ${a} ${b})`;

const SQRTHF = Math.fround(Math.SQRT1_2);
if (Math.round((SQRTHF - 1) * 2 ** 32) !== -1257966848) throw new Error('SQRTHF');

/** Straight-line code for lanes 2q, 2q+1 of the block at $a (u1 at +8q, u2 at +32+8q). */
function pair(q) {
  const L = (n) => `$${n}${q}`;
  const g = (n) => `(local.get ${L(n)})`;
  const set = (n, x) => `    (local.set ${L(n)} ${x})\n`;
  const o1 = 8 * q, o2 = 32 + 8 * q;
  let s = `    ;; --- lanes ${2 * q}, ${2 * q + 1}: log of u1 = 1 - d[j]\n`;
  s += set('b', `(f32x4.sub ${CF(1)} (v128.load64_zero offset=${o1} (local.get $a)))`);
  s += set('ei', `(i32x4.sub (i32x4.shr_u ${g('b')} (i32.const 23)) ${CI(126)})`);
  s += set('b', `(v128.or (v128.and ${g('b')} ${CI(0x007fffff)}) ${CI(0x3f000000)})`);
  s += set('k', `(f32x4.lt ${g('b')} ${CF(SQRTHF)})`);
  s += set('ei', `(i32x4.add ${g('ei')} ${g('k')})`);
  s += set('m', `(f64x2.promote_low_f32x4 (f32x4.add (f32x4.sub ${g('b')} ${CF(1)}) (v128.and ${g('b')} ${g('k')})))`);
  s += set('e', `(f64x2.convert_low_i32x4_s ${g('ei')})`);
  const m = g('m'), y = g('y'), z = g('z'), e = g('e');
  s += set('z', F(mul(m, m)));
  s += set('y', F(sub(mul(C(0.07037683576345444), m), C(0.11514610052108765))));
  s += set('y', F(add(mul(y, m), C(0.11676998436450958))));
  s += set('y', F(sub(mul(y, m), C(0.12420140951871872))));
  s += set('y', F(add(mul(y, m), C(0.14249323308467865))));
  s += set('y', F(sub(mul(y, m), C(0.16668057441711426))));
  s += set('y', F(add(mul(y, m), C(0.2000071406364441))));
  s += set('y', F(sub(mul(y, m), C(0.24999994039535522))));
  s += set('y', F(add(mul(y, m), C(0.3333333134651184))));
  s += set('y', F(mul(y, m)));
  s += set('y', F(add(mul(y, z), F(mul(e, C(-0.00021219444170128554))))));
  s += set('y', F(sub(y, mul(z, C(0.5)))));
  s += set('y', F(add(F(add(m, y)), mul(e, C(0.693359375)))));
  s += set('rad', F(`(f64x2.sqrt ${mul(C(-2), y)})`));
  s += `    ;; sincos of theta = 2pi * d[j + 8]\n`;
  s += set('b', `(f32x4.mul ${CF(6.2831854820251465)} (v128.load64_zero offset=${o2} (local.get $a)))`);
  s += set('j', `(v128.and (i32x4.add (i32x4.trunc_sat_f32x4_s (f32x4.mul ${g('b')} ${CF(1.2732394933700562)})) ${CI(1)}) ${CI(-2)})`);
  s += set('e', `(f64x2.convert_low_i32x4_s ${g('j')})`);
  const r = g('m'), zz = g('z'), jd = g('e');
  s += set('m', sub(`(f64x2.promote_low_f32x4 ${g('b')})`, mul(jd, C(0.78515625))));
  s += set('m', F(sub(r, mul(jd, C(0.00024187564849853516)))));
  s += set('m', F(sub(r, mul(jd, C(3.774895063202166e-8)))));
  s += set('z', F(mul(r, r)));
  s += set('y', F(sub(mul(C(0.0000244331567955669), zz), C(0.0013887316454201937))));
  s += set('y', F(add(mul(y, zz), C(0.04166664555668831))));
  s += set('y', F(mul(y, zz)));
  s += set('y', F(add(F(sub(mul(y, zz), mul(zz, C(0.5)))), C(1))));
  s += set('ys', F(add(mul(C(-0.00019515295571181923), zz), C(0.008332161232829094))));
  s += set('ys', F(sub(mul(g('ys'), zz), C(0.16666655242443085))));
  s += set('ys', F(mul(g('ys'), zz)));
  s += set('ys', F(add(mul(g('ys'), r), r)));
  // Octant: bit 2 of j swaps the polynomials, j & 4 flips sin, (j - 2) & 4 == 0 flips cos.
  const mask64 = (x) => `(i64x2.extend_low_i32x4_s ${x})`;
  const SIGN = `(v128.const i64x2 0x8000000000000000 0x8000000000000000)`;
  s += set('k', mask64(`(i32x4.ne (v128.and ${g('j')} ${CI(2)}) ${CI(0)})`));
  s += set('b', `(v128.and ${SIGN} ${mask64(`(i32x4.ne (v128.and ${g('j')} ${CI(4)}) ${CI(0)})`)})`);
  s += set('j', `(v128.and ${SIGN} ${mask64(`(i32x4.eq (v128.and (i32x4.sub ${g('j')} ${CI(2)}) ${CI(4)}) ${CI(0)})`)})`);
  s += `    (v128.store64_lane offset=${o2} 0 (local.get $a) (f32x4.demote_f64x2_zero ${mul(g('rad'), `(v128.xor (v128.bitselect ${y} ${g('ys')} ${g('k')}) ${g('b')})`)}))\n`;
  s += `    (v128.store64_lane offset=${o1} 0 (local.get $a) (f32x4.demote_f64x2_zero ${mul(g('rad'), `(v128.xor (v128.bitselect ${g('ys')} ${y} ${g('k')}) ${g('j')})`)}))\n`;
  return s;
}

const names = ['b', 'ei', 'k', 'm', 'e', 'z', 'y', 'rad', 'j', 'ys'];
let locals = '';
const U = Number(process.env.NORMAL_UNROLL ?? 4); // lane pairs per loop iteration (1, 2 or 4)
for (let q = 0; q < U; q++) locals += names.map((n) => `    (local $${n}${q} v128)\n`).join('');
let body = '';
for (let q = 0; q < U; q++) body += pair(q);


const MTV = (kk, src) => `    ;; st[kk..kk+3] from st[kk+1..kk+4] and st[src..src+3]; tempered uniforms out
    (local.set $y (v128.or (v128.and (v128.load (i32.add (local.get $st) (i32.shl ${kk} (i32.const 2)))) ${CI(0x80000000 | 0)})
                           (v128.and (v128.load offset=4 (i32.add (local.get $st) (i32.shl ${kk} (i32.const 2)))) ${CI(0x7fffffff)})))
    (local.set $v (v128.xor (v128.xor (v128.load (i32.add (local.get $st) (i32.shl ${src} (i32.const 2))))
                                      (i32x4.shr_u (local.get $y) (i32.const 1)))
                            (v128.and (i32x4.sub ${CI(0)} (v128.and (local.get $y) ${CI(1)})) ${CI(0x9908b0df | 0)})))
    (v128.store (i32.add (local.get $st) (i32.shl ${kk} (i32.const 2))) (local.get $v))
    (local.set $v (v128.xor (local.get $v) (i32x4.shr_u (local.get $v) (i32.const 11))))
    (local.set $v (v128.xor (local.get $v) (v128.and (i32x4.shl (local.get $v) (i32.const 7)) ${CI(0x9d2c5680 | 0)})))
    (local.set $v (v128.xor (local.get $v) (v128.and (i32x4.shl (local.get $v) (i32.const 15)) ${CI(0xefc60000 | 0)})))
    (local.set $v (v128.xor (local.get $v) (i32x4.shr_u (local.get $v) (i32.const 18))))
    (v128.store (i32.add (local.get $out) (i32.shl ${kk} (i32.const 2)))
      (f32x4.mul (f32x4.convert_i32x4_s (v128.and (local.get $v) ${CI(0xffffff)})) ${CF(5.9604644775390625e-8)}))
`;
const MTS = (kk, src, next) => `    (call $mt1 (local.get $st) (local.get $out) (i32.const ${kk}) (i32.const ${src}) (i32.const ${next}))
`;
const mtWat = `
  ;; One MT19937 word: st[kk] from st[kk], st[next], st[src]; its tempered
  ;; low 24 bits * 2^-24 to out[kk] (engine/random/mt19937.ts twistInto).
  (func $mt1 (param $st i32) (param $out i32) (param $kk i32) (param $src i32) (param $next i32)
    (local $y i32) (local $v i32)
    (local.set $y (i32.or (i32.and (i32.load (i32.add (local.get $st) (i32.shl (local.get $kk) (i32.const 2)))) (i32.const 0x80000000))
                          (i32.and (i32.load (i32.add (local.get $st) (i32.shl (local.get $next) (i32.const 2)))) (i32.const 0x7fffffff))))
    (local.set $v (i32.xor (i32.xor (i32.load (i32.add (local.get $st) (i32.shl (local.get $src) (i32.const 2))))
                                    (i32.shr_u (local.get $y) (i32.const 1)))
                           (i32.and (i32.sub (i32.const 0) (i32.and (local.get $y) (i32.const 1))) (i32.const 0x9908b0df))))
    (i32.store (i32.add (local.get $st) (i32.shl (local.get $kk) (i32.const 2))) (local.get $v))
    (local.set $v (i32.xor (local.get $v) (i32.shr_u (local.get $v) (i32.const 11))))
    (local.set $v (i32.xor (local.get $v) (i32.and (i32.shl (local.get $v) (i32.const 7)) (i32.const 0x9d2c5680))))
    (local.set $v (i32.xor (local.get $v) (i32.and (i32.shl (local.get $v) (i32.const 15)) (i32.const 0xefc60000))))
    (local.set $v (i32.xor (local.get $v) (i32.shr_u (local.get $v) (i32.const 18))))
    (f32.store (i32.add (local.get $out) (i32.shl (local.get $kk) (i32.const 2)))
      (f32.mul (f32.convert_i32_s (i32.and (local.get $v) (i32.const 0xffffff))) (f32.const 5.9604644775390625e-8)))
  )
  ;; mt_fill(st, out, batches): \`batches\` whole twists of the 624-word state
  ;; at byte offset st, each batch's 624 uniforms to out (then out + 2496).
  ;; Four words per vector: word kk reads st[kk + 1] (not yet rewritten) and
  ;; st[kk + 397] (old) or st[kk - 227] (already new), never a lane's neighbour.
  (func (export "mt_fill") (param $st i32) (param $out i32) (param $n i32)
    (local $kk i32) (local $y v128) (local $v v128)
    (block $done (loop $batch
      (br_if $done (i32.eqz (local.get $n)))
      (local.set $kk (i32.const 0))
      (loop $a
${MTV('(local.get $kk)', '(i32.add (local.get $kk) (i32.const 397))')}        (local.set $kk (i32.add (local.get $kk) (i32.const 4)))
        (br_if $a (i32.lt_u (local.get $kk) (i32.const 224))))
${MTS(224, 621, 225)}${MTS(225, 622, 226)}${MTS(226, 623, 227)}      (local.set $kk (i32.const 227))
      (loop $b
${MTV('(local.get $kk)', '(i32.sub (local.get $kk) (i32.const 227))')}        (local.set $kk (i32.add (local.get $kk) (i32.const 4)))
        (br_if $b (i32.lt_u (local.get $kk) (i32.const 623))))
${MTS(623, 396, 0)}      (local.set $out (i32.add (local.get $out) (i32.const 2496)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $batch)))
  )
`;

const wat = `;; GENERATED by scripts/wasm/build-normal.mjs — do not edit.
;; Float32 Box-Muller (ATen's AVX2 randn: Cephes logf/sincosf) over 16-element
;; blocks in place: lane j < 8 pairs u1 = 1 - d[j] with u2 = d[j + 8]; d[j]
;; becomes rho*cos, d[j + 8] rho*sin. Bit-exact with engine/random/normal-f32.ts.
(module
  (memory (export "mem") 1)
  ;; transform(ptr, blocks): ptr is a byte offset, a multiple of 64.
  (func (export "transform") (param $a i32) (param $n i32)
${locals}    (local $end i32)
    (local.set $end (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const 6))))
    (if (i32.ge_u (local.get $a) (local.get $end)) (then (return)))
    (loop $blk
${body}    ;; next lane pairs: past the u2 half once the u1 half of a block is done
    (local.set $a (i32.add (local.get $a) (i32.const ${8 * U})))
    (local.set $a (i32.add (local.get $a) (i32.and (local.get $a) (i32.const 32))))
    (br_if $blk (i32.lt_u (local.get $a) (local.get $end)))
    )
  )
${mtWat})
`;

const wabt = await wabtInit();
const mod = wabt.parseWat('normal.wat', wat, { simd: true });
mod.validate();
const { buffer } = mod.toBinary({});
mod.destroy();
const b64 = Buffer.from(buffer).toString('base64');
const lines = b64.match(/.{1,100}/g).map((l) => `  '${l}'`).join(' +\n');
const out = `// GENERATED by scripts/wasm/build-normal.mjs (scripts/wasm/normal.wat) — do not edit.
// The float32 SIMD128 Box-Muller module (${buffer.length} bytes), base64.
export const NORMAL_WASM_BASE64 =
${lines};
`;
const watPath = join(here, 'normal.wat');
const target = join(root, 'engine', 'random', 'normal-bytes.ts');
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== out || readFileSync(watPath, 'utf8') !== wat) {
    console.error('engine/random/normal-bytes.ts or scripts/wasm/normal.wat is stale: run node scripts/wasm/build-normal.mjs');
    process.exit(1);
  }
  console.log('normal-bytes.ts is up to date');
} else {
  writeFileSync(watPath, wat);
  writeFileSync(target, out);
  console.log(`wrote normal.wat and normal-bytes.ts (${buffer.length} bytes)`);
}
