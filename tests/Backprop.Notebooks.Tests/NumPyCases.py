"""Regenerates NumPyCases.g.cs: the expected strings come from real NumPy, not from our formatter.

Run with a Python that has NumPy:  python3 NumPyCases.py > NumPyCases.g.cs
"""
import numpy as np

rng = np.random.default_rng(5)

float_cases = {
    "seed_dot_integral": np.array([[19., 26.], [19., 26.]]),
    "seed_sigmoid": np.array([0.88079708, 0.11920292]),
    "sigmoid_of_2_and_minus_2": 1 / (1 + np.exp(-np.array([2.0, -2.0]))),
    "affine_xw": np.array([[18., 24.], [18., 24.]]),
    "bias_broadcast": np.array([[1., 2., 3.], [11., 12., 13.]]),
    "softmax_thirds": np.full((2, 3), 1 / 3),
    "halves_and_quarters": np.array([0.5, 0.25]),
    "integer_and_fraction": np.array([19., 2.5]),
    "negative_column": np.array([[-1.5, 2.], [3., -0.25]]),
    "negative_zero": np.array([-0.0, 1.5]),
    "only_zeros": np.zeros((2, 3)),
    "only_negative_zero": np.array([-0.0]),
    "rounds_at_eighth_digit": np.array([1.000000001, 0.123456789]),
    "exact_tie_below": np.array([0.123456785]),
    # j/512 has nine decimals ending in 5: an exact tie at the eighth, which NumPy rounds to even.
    "exact_ties_half_even": np.array([1 / 512, 3 / 512, 5 / 512, 0.5]),
    "scientific_exact_ties": np.array([2.0 ** -13, 3 * 2.0 ** -13, 1.0]),
    "single_value": np.array([3.14159265358979]),
    "big_fixed": np.array([12345678.9, 1.5e7]),
    "ratio_exactly_1000": np.array([1., 1000.]),
    "ratio_above_1000": np.array([1., 1000.5]),
    "max_just_below_1e8": np.array([99999999., 99999.]),
    "max_at_1e8": np.array([1e8, 1.]),
    "min_at_1e_4": np.array([1e-4, 0.01]),
    "min_below_1e_4": np.array([1e-5, 1.0]),
    "zero_and_tiny": np.array([0.0, 1e-5]),
    "scientific_mixed_digits": np.array([1.125, 0.00000002]),
    "scientific_negative": np.array([-1.5e-7, 2e3, 3.25]),
    "scientific_shortest_16": np.array([1e16, 1.5e16]),
    "scientific_three_digit_exponent": np.array([1e100, 1.]),
    "scientific_tiny_exponent": np.array([1e-300, 2.5e-310]),
    "scientific_rounding_carry": np.array([9.9999999999e-5, 1.]),
    "subnormal": np.array([5e-324, 1.]),
    "nan_inf_mixed": np.array([1.0, np.nan, -np.inf]),
    "nan_and_inf_only": np.array([np.nan, np.inf]),
    "negative_infinity_only": np.array([-np.inf]),
    "nan_with_scientific": np.array([np.nan, 1e-9, 1.]),
    "nan_with_long_fraction": np.array([np.nan, 0.12345678]),
    "wrap_sevenths": np.arange(30.) / 7,
    "wrap_one_row": np.linspace(0, 1, 13).reshape(1, 13),
    "wrap_rows": np.arange(40.).reshape(2, 20) / 3,
    "gaussian_4x5": rng.standard_normal((4, 5)),
    "gaussian_scaled": rng.standard_normal((3, 4)) * 0.01,
    "uniform_long_rows": rng.uniform(-1, 1, (3, 12)),
    "column_vector": np.array([[1.], [-2.], [3.5]]),
    "relu_mask_values": np.array([[1.0, -0.5], [-2.0, 3.0]]),
    "gradients_tiny": np.array([[2.2e-10, -3.1e-11], [0., 1.7e-9]]),
    "cross_entropy_loss_like": np.array([0.510825457099338, 2.302584092994546]),
    "tensor_3x2x4": np.arange(24.).reshape(3, 2, 4),
    "tensor_broadcast_add": np.arange(24.).reshape(3, 2, 4) + np.array([0.5, 1., 1.5, 2.]),
    "tensor_2x2x2x2": np.arange(16.).reshape(2, 2, 2, 2) - 8,
}

# Large arrays as (shape, offset, divisor): element i is (i + offset) / divisor, computed alike in C#.
range_cases = {
    "summary_vector_1001": ((1001,), 0, 1),
    "summary_vector_at_threshold": ((1000,), 0, 1),
    "summary_matrix_40x40": ((40, 40), 0, 7),
    "summary_rows_only": ((1001, 2), 0, 1),
    "summary_columns_only": ((2, 1001), -1000, 3),
    "summary_tensor": ((11, 10, 10), 0, 1),
}

bool_cases = {
    "relu_mask": np.array([[1.0, -0.5], [-2.0, 3.0]]) <= 0,
    "all_true": np.array([True, True, True]),
    "all_false": np.array([False, False]),
    "wrapping_mask": np.arange(30) % 3 == 0,
}

int_cases = {
    "int_seed": np.array([[19, 26], [19, 26]]),
    "int_negative": np.array([[-1, 200], [3, -40]]),
    "int_vector": np.array([0, 2, 2, 0, 2]),
    "int_wrap": np.arange(40) * 1000,
}

repr_cases = [
    220.00000000000003, 200.0, 2.2, 110.00000000000001, 3.3000000000000003, 165.0, 650.0,
    715.0000000000001, 1.1, 0.1, 1/3, 2/3, 1e-4, 1e-5, 0.00012345, 1e15, 1e16, 123456789012345678.0,
    1.5e16, 9999999999999998.0, 5e-324, 1.7976931348623157e308, -0.0, 0.0, -2.5, 0.5,
    0.8807970779778823, 1e100, 1.2345e-7, 100.0, float("nan"), float("inf"), float("-inf"),
]


# Random cases, fixed seed: magnitudes from 1e-12 to 1e12, both signs, some short decimals (ties
# and exact halves are where rounding rules differ), lengths 1 to 9.
fuzz = np.random.default_rng(20240605)
for k in range(60):
    n = int(fuzz.integers(1, 10))
    exponents = fuzz.integers(-12, 13, n) if k % 3 == 0 else fuzz.integers(-3, 4, n)
    values = fuzz.standard_normal(n) * 10.0 ** exponents
    if k % 4 == 1:
        values = np.round(values, int(fuzz.integers(0, 10)))
    if k % 5 == 2:
        values = values.reshape(1, n) if n % 2 else values.reshape(2, n // 2)
    float_cases[f"random_{k:02d}"] = values
for k in range(150):
    bits = int(fuzz.integers(0, 2**63 - 1)) | (int(fuzz.integers(0, 2)) << 63)
    x = float(np.array([bits], dtype=np.uint64).view(np.float64)[0])
    if np.isfinite(x):
        repr_cases.append(x)
for k in range(100):
    repr_cases.append(float(fuzz.standard_normal() * 10.0 ** int(fuzz.integers(-20, 21))))


def literal(x):
    r = repr(float(x))
    return '"' + r + '"'


def csharp_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def shape(a):
    return "new[] { " + ", ".join(str(n) for n in a.shape) + " }"


print("// <auto-generated> by NumPyCases.py from NumPy " + np.__version__ + "; do not edit by hand. </auto-generated>")
print("namespace Backprop.Notebooks.Tests;")
print()
print("internal static class NumPyCases")
print("{")
print("    /// <summary>name, shape, row-major values (Python repr), what print(array) shows.</summary>")
print("    public static readonly (string Name, int[] Shape, string[] Values, string Expected)[] Floats =")
print("    [")
for name, a in float_cases.items():
    a = np.asarray(a, dtype=np.float64)
    values = ", ".join(literal(x) for x in a.ravel())
    print(f"        ({csharp_string(name)}, {shape(a)}, [{values}],")
    print(f"            {csharp_string(str(a))}),")
print("    ];")
print()
print("    /// <summary>name, shape, offset, divisor (element i is (i + offset) / divisor), what print(array) shows.</summary>")
print("    public static readonly (string Name, int[] Shape, int Offset, int Divisor, string Expected)[] Ranges =")
print("    [")
for name, (shp, offset, divisor) in range_cases.items():
    a = (np.arange(float(np.prod(shp))) + offset).reshape(shp) / divisor
    print(f"        ({csharp_string(name)}, {shape(a)}, {offset}, {divisor},")
    print(f"            {csharp_string(str(a))}),")
print("    ];")
print()
print("    public static readonly (string Name, int[] Shape, int[] Values, string Expected)[] Ints =")
print("    [")
for name, a in int_cases.items():
    values = ", ".join(str(int(x)) for x in a.ravel())
    print(f"        ({csharp_string(name)}, {shape(a)}, [{values}],")
    print(f"            {csharp_string(str(a))}),")
print("    ];")
print()
print("    public static readonly (string Name, int[] Shape, bool[] Values, string Expected)[] Bools =")
print("    [")
for name, a in bool_cases.items():
    values = ", ".join("true" if x else "false" for x in a.ravel())
    print(f"        ({csharp_string(name)}, {shape(a)}, [{values}],")
    print(f"            {csharp_string(str(a))}),")
print("    ];")
print()
print("    /// <summary>A float's bits (as hex) and Python's repr of it.</summary>")
print("    public static readonly (string Bits, string Repr)[] Reprs =")
print("    [")
for x in repr_cases:
    bits = np.array([x], dtype=np.float64).view(np.uint64)[0]
    print(f"        (\"{int(bits):016X}\", {csharp_string(repr(x))}),")
print("    ];")
print("}")
