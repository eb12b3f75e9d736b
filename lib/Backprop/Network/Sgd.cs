namespace Backprop;

/// <summary>
/// Stochastic gradient descent, the book's <c>params[key] -= learning_rate * grad[key]</c>: each parameter
/// takes a step of size <see cref="LearningRate"/> against its gradient, downhill on the loss.
/// </summary>
public sealed class Sgd
{
    /// <summary>An optimiser that steps by <paramref name="learningRate"/> times the gradient.</summary>
    public Sgd(double learningRate = 0.01)
    {
        if (!(learningRate > 0) || double.IsInfinity(learningRate))
        {
            throw new ArgumentOutOfRangeException(Errors.LearningRatePositive, innerException: null);
        }

        LearningRate = learningRate;
    }

    /// <summary>η in W ← W − η·∂L/∂W.</summary>
    public double LearningRate { get; }

    /// <summary>W1, b1, W2 and b2 of <paramref name="net"/>, each in place (the network sees the new values).</summary>
    public void Update(TwoLayerNet net, TwoLayerNetGradients grads)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(grads);
        Update(net.W1, grads.W1);
        Update(net.b1, grads.b1);
        Update(net.W2, grads.W2);
        Update(net.b2, grads.b2);
    }

    /// <summary>parameter ← parameter − η·gradient, in place.</summary>
    public void Update(Matrix<double> parameter, Matrix<double> gradient)
    {
        Ensure.SameShape(gradient, parameter, nameof(gradient), nameof(parameter));
        InPlace.SubtractScaled(parameter, LearningRate, gradient);
    }

    /// <summary>parameter ← parameter − η·gradient, in place.</summary>
    public void Update(Vector<double> parameter, Vector<double> gradient)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(gradient);
        if (parameter.Count != gradient.Count)
        {
            throw new ArgumentException(Messages.Format(Errors.GradientShape, Shapes.Of(gradient), Shapes.Of(parameter)));
        }

        InPlace.SubtractScaled(parameter, LearningRate, gradient);
    }
}
