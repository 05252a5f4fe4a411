# sys's struct sequences: version_info, flags, int_info, float_info, hash_info.
# (sys.flags has 3.14's layout: 18 visible fields plus gil, thread_inherit_context and
# context_aware_warnings by name; only the fields both versions share are printed.)
import sys

print(sys.int_info)
print(sys.float_info)
print(sys.hash_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info[9])
print(sys.hash_info.modulus == 2**61 - 1, hash(float("inf")) == sys.hash_info.inf)
print(sys.int_info.bits_per_digit, sys.int_info.default_max_str_digits)
print(type(sys.version_info).__name__, type(sys.version_info).__module__)
print(sys.version_info[:1], sys.version_info.major, sys.version_info >= (3,), len(sys.version_info))
print(sys.version_info.releaselevel, type(sys.version_info.minor).__name__)
print(type(sys.flags).n_sequence_fields, len(sys.flags), type(sys.flags).__match_args__)
f = sys.flags
print(f.debug, f.inspect, f.interactive, f.optimize, f.dont_write_bytecode, f.no_user_site)
print(f.no_site, f.ignore_environment, f.verbose, f.bytes_warning, f.quiet)
print(f.hash_randomization, f.isolated, f.dev_mode, f.utf8_mode, f.safe_path, f.int_max_str_digits)
print(f.gil, f[:5])

def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)

attempt(type(sys.flags), range(18))
attempt(type(sys.version_info), range(5))
attempt(type(sys.int_info), range(5))
attempt(type(sys.float_info), range(3))
print(type(sys.int_info)((1, 2, 3, 4)))
attempt(setattr, sys.float_info, "max", 1.0)
