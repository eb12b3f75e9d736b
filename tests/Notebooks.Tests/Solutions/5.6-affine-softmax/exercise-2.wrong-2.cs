// Exercise 2: a softmax that survives any batch
// Expected hint: mind rows against columns
Matrix<double> MySoftmax(Matrix<double> a)
{
    var y = Matrix<double>.Build.Dense(a.RowCount, a.ColumnCount);
    for (int i = 0; i < a.RowCount; i++)
    {
        var row = a.Row(i);
        var exp = row.Map(v => Math.Exp(v - row.Maximum()));
        y.SetColumn(i, exp / exp.Sum());   // a row written into a column
    }
    return y;
}
