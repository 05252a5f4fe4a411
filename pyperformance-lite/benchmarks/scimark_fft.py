# scimark_fft: SciMark's in-place radix-2 complex FFT on interleaved [re, im, ...] float lists
# (bit-reversal permutation, butterflies with trig recurrences, math.sin), followed by the
# inverse transform and the RMS error against the input. Imports: math.

from _scale import scaled

import math


class Random:
    """xorshift32: the same stream on every interpreter."""

    def __init__(self, seed):
        self.state = seed or 1

    def random(self):
        x = self.state
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        self.state = x
        return x / 4294967296.0

    def below(self, n):
        return int(self.random() * n)


def log2_exact(n):
    log = 0
    k = 1
    while k < n:
        k *= 2
        log += 1
    if n != 1 << log:
        raise ValueError("FFT: data length is not a power of 2")
    return log


def bit_reverse(data):
    n = len(data) // 2
    nm1 = n - 1
    j = 0
    for i in range(nm1):
        ii = i << 1
        jj = j << 1
        k = n >> 1
        if i < j:
            data[ii], data[jj] = data[jj], data[ii]
            data[ii + 1], data[jj + 1] = data[jj + 1], data[ii + 1]
        while k <= j:
            j -= k
            k >>= 1
        j += k


def transform(data, direction):
    n = len(data) // 2
    if n == 1:
        return
    log_n = log2_exact(n)
    bit_reverse(data)
    dual = 1
    for _ in range(log_n):
        w_real = 1.0
        w_imag = 0.0
        theta = 2.0 * direction * math.pi / (2.0 * dual)
        s = math.sin(theta)
        t = math.sin(theta / 2.0)
        s2 = 2.0 * t * t
        for b in range(0, n, 2 * dual):
            i = 2 * b
            j = 2 * (b + dual)
            wd_real = data[j]
            wd_imag = data[j + 1]
            data[j] = data[i] - wd_real
            data[j + 1] = data[i + 1] - wd_imag
            data[i] += wd_real
            data[i + 1] += wd_imag
        for a in range(1, dual):
            tmp_real = w_real - s * w_imag - s2 * w_real
            tmp_imag = w_imag + s * w_real - s2 * w_imag
            w_real = tmp_real
            w_imag = tmp_imag
            for b in range(0, n, 2 * dual):
                i = 2 * (b + a)
                j = 2 * (b + a + dual)
                z1_real = data[j]
                z1_imag = data[j + 1]
                wd_real = w_real * z1_real - w_imag * z1_imag
                wd_imag = w_real * z1_imag + w_imag * z1_real
                data[j] = data[i] - wd_real
                data[j + 1] = data[i + 1] - wd_imag
                data[i] += wd_real
                data[i + 1] += wd_imag
        dual *= 2


def inverse(data):
    transform(data, +1)
    n = len(data) // 2
    norm = 1.0 / n
    for i in range(len(data)):
        data[i] *= norm


def main(size, cycles):
    rng = Random(24680)
    original = [rng.random() for _ in range(2 * size)]
    data = original[:]
    for _ in range(cycles):
        transform(data, -1)
        inverse(data)
    err = 0.0
    for a, b in zip(original, data):
        d = a - b
        err += d * d
    print((err / size) ** 0.5 < 1e-10)
    transform(data, -1)
    print("%.6f %.6f" % (data[0], data[1]))
    print("%.6f" % sum(abs(v) for v in data))


main(1024, scaled(250))
