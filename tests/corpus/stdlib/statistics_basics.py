# statistics: exact means/variances (ints, floats, Fractions), medians, modes, quantiles,
# NormalDist basics and StatisticsError messages
import statistics
from statistics import (mean, fmean, median, median_low, median_high, median_grouped, mode,
                        multimode, variance, pvariance, stdev, pstdev, quantiles, NormalDist,
                        StatisticsError, geometric_mean)
from fractions import Fraction

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(mean([1, 2, 3, 4, 4]), mean([1, 2, 3, 4]), mean(data), mean([Fraction(1, 3), Fraction(2, 3), 1]))
print(mean([0.1] * 10), fmean([0.1] * 10), fmean([3.5, 4.0, 5.25]), fmean([1, 2, 3], weights=[3, 2, 1]))
print(mean(iter([1.5, 2.5])), mean([1e308, 1e308]), mean([1, 2.5]))
print(median([1, 3, 5]), median([1, 3, 5, 7]), median_low([1, 3, 5, 7]), median_high([1, 3, 5, 7]))
print(median_grouped([52, 52, 53, 54]), median_grouped([1, 3, 3, 5, 7], interval=2), median(['b', 'a', 'c']))
print(mode([1, 1, 2, 3, 3, 3, 3, 4]), mode(['red', 'blue', 'blue', 'red']), multimode('aabbbbccddddeeffffgg'), multimode([]))
print(variance(data), pvariance(data), stdev(data), pstdev(data))
print(variance([1, 2, 3, 4]), pvariance([1, 2, 3, 4]), variance([Fraction(1, 4), Fraction(5, 4), Fraction(1, 2)]))
print(stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), pstdev([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]))
print(variance(data, 1.0), pvariance([1, 2, 3], mu=2), stdev([1, 2, 3, 4, 5]), pstdev(range(10)))
print(stdev([10**20, 10**20 + 2]), variance([0.1, 0.2, 0.3]), pstdev([1e-300, 2e-300]))
print(quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
print(quantiles([1, 2, 3, 4, 5], n=4, method='inclusive'), quantiles([7], n=3), quantiles([1.5, 2.5]))
print(round(geometric_mean([54, 24, 36]), 9))
nd = NormalDist(100, 15)
print(nd, nd.mean, nd.stdev, nd.variance, round(nd.cdf(130), 12), round(nd.pdf(100), 12), nd.zscore(130))
print(NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]), nd + 10, nd * 2, nd - NormalDist(10, 20), -nd)
print(NormalDist() == NormalDist(0, 1), issubclass(StatisticsError, ValueError))


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: mean([]))
attempt(lambda: fmean([]))
attempt(lambda: median([]))
attempt(lambda: mode([]))
attempt(lambda: variance([1]))
attempt(lambda: stdev([]))
attempt(lambda: pvariance([]))
attempt(lambda: pstdev([]))
attempt(lambda: quantiles([1, 2], n=0))
attempt(lambda: quantiles([]))
attempt(lambda: quantiles([1, 2], method='x'))
attempt(lambda: mean(['a', 'b']))
attempt(lambda: NormalDist(0, -1))
attempt(lambda: NormalDist(0, 0).pdf(1))
attempt(lambda: fmean([1, 2], weights=[1]))
