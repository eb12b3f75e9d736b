// Exercise 2: a softmax that survives any batch
// Expected hint: each row is one sample, with its own maximum and its own sum
// Each row's own maximum, but one sum for the whole batch (study notebook 004's np.sum(exp_a)).
Matrix<double> MySoftmax(Matrix<double> a)
{
    var exp = Matrix<double>.Build.Dense(a.RowCount, a.ColumnCount, (i, j) => Math.Exp(a[i, j] - a.Row(i).Maximum()));
    return exp / exp.Enumerate().Sum();
}
