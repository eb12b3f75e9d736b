namespace Backprop;

/// <summary>
/// Labelled images as the book's <c>load_mnist(flatten=True)</c> returns them: <see cref="X"/> has one image
/// per row, its pixels row after row, and <see cref="Labels"/> the class of each row.
/// </summary>
public sealed class ImageSet
{
    /// <summary>Wraps images <paramref name="x"/> (one per row, <paramref name="imageHeight"/>·<paramref name="imageWidth"/> pixels) and their labels.</summary>
    public ImageSet(Matrix<double> x, int[] labels, int classes, int imageHeight, int imageWidth)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        if (imageHeight * imageWidth != x.ColumnCount)
        {
            throw new ArgumentException(
                Messages.Format(Errors.ImagePixels, Shapes.Of(x), imageHeight, imageWidth, imageHeight * imageWidth));
        }

        if (labels.Length != x.RowCount)
        {
            throw new ArgumentException(Messages.Format(Errors.LabelsPerImageRow, labels.Length, Shapes.Of(x)));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        int bad = Array.FindIndex(labels, l => l < 0 || l >= classes);
        if (bad >= 0)
        {
            throw new ArgumentOutOfRangeException(Messages.Format(Errors.LabelOutOfRange, labels[bad], bad, classes), innerException: null);
        }

        X = x;
        Labels = labels;
        Classes = classes;
        ImageHeight = imageHeight;
        ImageWidth = imageWidth;
    }

    /// <summary>The images, one per row, pixels in [0, 1] unless loaded unnormalised.</summary>
    public Matrix<double> X { get; }

    /// <summary>The class of each row, in [0, <see cref="Classes"/>).</summary>
    public int[] Labels { get; }

    /// <summary>How many classes there are (10 digits).</summary>
    public int Classes { get; }

    /// <summary>Pixel rows of one image.</summary>
    public int ImageHeight { get; }

    /// <summary>Pixel columns of one image.</summary>
    public int ImageWidth { get; }

    /// <summary>How many images.</summary>
    public int Count => X.RowCount;

    /// <summary>The labels as one-hot rows (the book's <c>one_hot_label=True</c>): a 1 in column <c>Labels[n]</c> of row n.</summary>
    public Matrix<double> OneHotLabels()
    {
        var t = Matrix<double>.Build.Dense(Count, Classes);
        for (int n = 0; n < Count; n++)
        {
            t[n, Labels[n]] = 1.0;
        }

        return t;
    }

    /// <summary>Image <paramref name="n"/> as a matrix of <see cref="ImageHeight"/> rows, for drawing.</summary>
    public Matrix<double> Image(int n) =>
        Matrix<double>.Build.Dense(ImageHeight, ImageWidth, (r, c) => X[n, r * ImageWidth + c]);

    /// <summary>The images at <paramref name="indices"/>, in that order (the book's <c>x_train[batch_mask]</c>).</summary>
    public ImageSet Rows(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var x = RowWise.Gather(X, indices);
        int[] labels = indices.Select(i => Labels[i]).ToArray();
        return new ImageSet(x, labels, Classes, ImageHeight, ImageWidth);
    }

    /// <summary>
    /// A train/test split that keeps each class's share: of every class, round(count · <paramref name="testFraction"/>)
    /// images, chosen at random from <paramref name="seed"/>, go to the test set, the rest to the training set;
    /// both keep the original order. Stratified, so a small test set is not short of some digit by chance.
    /// </summary>
    public (ImageSet Train, ImageSet Test) StratifiedSplit(double testFraction, int seed)
    {
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(Errors.TestFraction, innerException: null);
        }

        var random = new Random(seed);
        var test = new bool[Count];
        for (int k = 0; k < Classes; k++)
        {
            int[] members = Enumerable.Range(0, Count).Where(n => Labels[n] == k).ToArray();
            random.Shuffle(members);
            foreach (int n in members.Take((int)Math.Round(members.Length * testFraction)))
            {
                test[n] = true;
            }
        }

        return (Rows(Enumerable.Range(0, Count).Where(n => !test[n]).ToArray()),
                Rows(Enumerable.Range(0, Count).Where(n => test[n]).ToArray()));
    }
}
