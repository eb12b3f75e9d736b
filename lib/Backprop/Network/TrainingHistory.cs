namespace Backprop;

/// <summary>What <see cref="Training.Run"/> records, as the book's train_neuralnet.py does in its three lists.</summary>
/// <param name="Losses">The loss on each iteration's mini-batch, after that iteration's update (<c>train_loss_list</c>).</param>
/// <param name="TrainAccuracies">The accuracy on the whole training set after each epoch (<c>train_acc_list</c>).</param>
/// <param name="TestAccuracies">The accuracy on the whole test set after each epoch (<c>test_acc_list</c>).</param>
public sealed record TrainingHistory(IReadOnlyList<double> Losses, IReadOnlyList<double> TrainAccuracies, IReadOnlyList<double> TestAccuracies);
