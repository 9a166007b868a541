;; float32 GEMM with WebAssembly SIMD128 for the CPU backend (engine/backend/cpu/wasm/).
;;
;; The caller (engine/backend/cpu/wasm/gemm.ts) packs the operands into this
;; module's memory, calls gemm, and copies C out:
;;   A: ceil(M/4) panels of 4 rows, each k-major: A[p*K*4 + k*4 + r]
;;   B: ceil(N/8) panels of 8 columns, each k-major: B[q*K*8 + k*8 + c]
;;   C: Mp x Np row-major (Mp, Np = M, N rounded up to 4 and 8), zeroed here.
;; Padding rows/columns of A and B are zero, so they only touch padding of C.
;;
;; The 4x8 micro-kernel keeps 8 f32x4 accumulators + 2 B vectors + 1 splatted
;; A value live (11 of 16 XMM registers). It uses plain mul then add (no
;; relaxed-simd FMA), so every lane rounds the same way on every machine: the
;; result is deterministic. Each C element accumulates k in increasing order
;; within a KC block, then the block sum is added to C, blocks in order.
;; Blocking: KC = 256 deep (a 4x256 A panel is 4 KiB, an 8x256 B panel 8 KiB:
;; both stay in L1), MC = 64 rows of A per pass (64 KiB: L2) over every B panel.
;; Regenerate the bytes: node scripts/wasm/build-gemm.mjs
(module
  (memory (export "mem") 1)

  ;; C[4x8 tile at cp] += A panel (ap) x B panel (bp) over kc steps (k unrolled by 2).
  (func $micro (param $ap i32) (param $bp i32) (param $cp i32) (param $kc i32) (param $ldc i32)
    (local $c00 v128)
    (local $c01 v128)
    (local $c10 v128)
    (local $c11 v128)
    (local $c20 v128)
    (local $c21 v128)
    (local $c30 v128)
    (local $c31 v128)
    (local $a v128) (local $b0 v128) (local $b1 v128)
    (block $done2
      (loop $pairs
        (br_if $done2 (i32.lt_u (local.get $kc) (i32.const 2)))
        (local.set $b0 (v128.load offset=0 (local.get $bp)))
        (local.set $b1 (v128.load offset=16 (local.get $bp)))
        (local.set $a (v128.load32_splat offset=0 (local.get $ap)))
        (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $a) (local.get $b0))))
        (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $a) (local.get $b1))))
        (local.set $a (v128.load32_splat offset=4 (local.get $ap)))
        (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $a) (local.get $b0))))
        (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $a) (local.get $b1))))
        (local.set $a (v128.load32_splat offset=8 (local.get $ap)))
        (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $a) (local.get $b0))))
        (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $a) (local.get $b1))))
        (local.set $a (v128.load32_splat offset=12 (local.get $ap)))
        (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $a) (local.get $b0))))
        (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $a) (local.get $b1))))
        (local.set $b0 (v128.load offset=32 (local.get $bp)))
        (local.set $b1 (v128.load offset=48 (local.get $bp)))
        (local.set $a (v128.load32_splat offset=16 (local.get $ap)))
        (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $a) (local.get $b0))))
        (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $a) (local.get $b1))))
        (local.set $a (v128.load32_splat offset=20 (local.get $ap)))
        (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $a) (local.get $b0))))
        (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $a) (local.get $b1))))
        (local.set $a (v128.load32_splat offset=24 (local.get $ap)))
        (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $a) (local.get $b0))))
        (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $a) (local.get $b1))))
        (local.set $a (v128.load32_splat offset=28 (local.get $ap)))
        (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $a) (local.get $b0))))
        (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $a) (local.get $b1))))
        (local.set $ap (i32.add (local.get $ap) (i32.const 32)))
        (local.set $bp (i32.add (local.get $bp) (i32.const 64)))
        (local.set $kc (i32.sub (local.get $kc) (i32.const 2)))
        (br $pairs)))
    (if (local.get $kc)
      (then
        (local.set $b0 (v128.load offset=0 (local.get $bp)))
        (local.set $b1 (v128.load offset=16 (local.get $bp)))
        (local.set $a (v128.load32_splat offset=0 (local.get $ap)))
        (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $a) (local.get $b0))))
        (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $a) (local.get $b1))))
        (local.set $a (v128.load32_splat offset=4 (local.get $ap)))
        (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $a) (local.get $b0))))
        (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $a) (local.get $b1))))
        (local.set $a (v128.load32_splat offset=8 (local.get $ap)))
        (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $a) (local.get $b0))))
        (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $a) (local.get $b1))))
        (local.set $a (v128.load32_splat offset=12 (local.get $ap)))
        (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $a) (local.get $b0))))
        (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $a) (local.get $b1))))))
    (v128.store offset=0 (local.get $cp) (f32x4.add (v128.load offset=0 (local.get $cp)) (local.get $c00)))
    (v128.store offset=16 (local.get $cp) (f32x4.add (v128.load offset=16 (local.get $cp)) (local.get $c01)))
    (local.set $cp (i32.add (local.get $cp) (local.get $ldc)))
    (v128.store offset=0 (local.get $cp) (f32x4.add (v128.load offset=0 (local.get $cp)) (local.get $c10)))
    (v128.store offset=16 (local.get $cp) (f32x4.add (v128.load offset=16 (local.get $cp)) (local.get $c11)))
    (local.set $cp (i32.add (local.get $cp) (local.get $ldc)))
    (v128.store offset=0 (local.get $cp) (f32x4.add (v128.load offset=0 (local.get $cp)) (local.get $c20)))
    (v128.store offset=16 (local.get $cp) (f32x4.add (v128.load offset=16 (local.get $cp)) (local.get $c21)))
    (local.set $cp (i32.add (local.get $cp) (local.get $ldc)))
    (v128.store offset=0 (local.get $cp) (f32x4.add (v128.load offset=0 (local.get $cp)) (local.get $c30)))
    (v128.store offset=16 (local.get $cp) (f32x4.add (v128.load offset=16 (local.get $cp)) (local.get $c31)))
  )

  ;; C = A x B for packed operands (byte addresses a, b, c); mp % 4 == 0, np % 8 == 0.
  (func (export "gemm") (param $a i32) (param $b i32) (param $c i32) (param $mp i32) (param $np i32) (param $k i32)
    (local $k0 i32) (local $kc i32) (local $i0 i32) (local $iend i32) (local $jb i32) (local $ib i32)
    (local $ldc i32) (local $bpanel i32)
    (local.set $ldc (i32.shl (local.get $np) (i32.const 2)))
    (memory.fill (local.get $c) (i32.const 0) (i32.mul (local.get $mp) (local.get $ldc)))
    (block $kdone
      (loop $kloop
        (br_if $kdone (i32.ge_u (local.get $k0) (local.get $k)))
        (local.set $kc (i32.sub (local.get $k) (local.get $k0)))
        (if (i32.gt_u (local.get $kc) (i32.const 256)) (then (local.set $kc (i32.const 256))))
        (local.set $i0 (i32.const 0))
        (block $idone
          (loop $iloop
            (br_if $idone (i32.ge_u (local.get $i0) (local.get $mp)))
            (local.set $iend (i32.add (local.get $i0) (i32.const 64)))
            (if (i32.gt_u (local.get $iend) (local.get $mp)) (then (local.set $iend (local.get $mp))))
            (local.set $jb (i32.const 0))
            (block $jdone
              (loop $jloop
                (br_if $jdone (i32.ge_u (local.get $jb) (local.get $np)))
                ;; B panel jb/8 at depth k0: b + (jb/8)*K*32 + k0*32 bytes
                (local.set $bpanel
                  (i32.add (local.get $b)
                    (i32.shl (i32.add (i32.mul (i32.shr_u (local.get $jb) (i32.const 3)) (local.get $k)) (local.get $k0)) (i32.const 5))))
                (local.set $ib (local.get $i0))
                (block $ibdone
                  (loop $ibloop
                    (br_if $ibdone (i32.ge_u (local.get $ib) (local.get $iend)))
                    (call $micro
                      ;; A panel ib/4 at depth k0: a + (ib/4)*K*16 + k0*16 bytes
                      (i32.add (local.get $a)
                        (i32.shl (i32.add (i32.mul (i32.shr_u (local.get $ib) (i32.const 2)) (local.get $k)) (local.get $k0)) (i32.const 4)))
                      (local.get $bpanel)
                      (i32.add (local.get $c) (i32.shl (i32.add (i32.mul (local.get $ib) (local.get $np)) (local.get $jb)) (i32.const 2)))
                      (local.get $kc)
                      (local.get $ldc))
                    (local.set $ib (i32.add (local.get $ib) (i32.const 4)))
                    (br $ibloop)))
                (local.set $jb (i32.add (local.get $jb) (i32.const 8)))
                (br $jloop)))
            (local.set $i0 (local.get $iend))
            (br $iloop)))
        (local.set $k0 (i32.add (local.get $k0) (i32.const 256)))
        (br $kloop)))
  )
)
