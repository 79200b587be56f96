using Scrutiny.Silo.Returns;

namespace Scrutiny.Silo.Tests.Returns;

/// <summary>The sets of values a batch has seen, kept for the next batch when they are no bigger than an upload's usual size.</summary>
public sealed class SeenValuesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(10_000)]
    public void A_set_that_held_a_batch_of_up_to_ten_thousand_rows_is_kept_for_the_next(int rows)
    {
        var seen = new Dictionary<long, int>();
        for (var i = 0; i < rows; i++) seen.Add(i, i);

        Assert.True(ReturnsValidator.Keeps(seen),
            $"A {rows}-row batch's set has {seen.EnsureCapacity(0)} slots, more than the {ReturnsValidator.MaxKeptSeenCapacity} kept.");
    }
}
