using TaleForge.LlamaCpp.Batching;

namespace TaleForge.LlamaCpp.Tests;

public class KvCellLedgerTests
{
    [Fact]
    public void A_copied_prefix_shares_its_cells_until_every_sequence_lets_go()
    {
        var ledger = new KvCellLedger(3);
        ledger.Append(0, 0, 100);
        ledger.CopyPrefix(0, 1, 80);
        ledger.Append(1, 80, 10);
        Assert.Equal(110, ledger.UsedCells);

        ledger.Clear(0);
        Assert.Equal(90, ledger.UsedCells);
        ledger.Truncate(1, 50);
        Assert.Equal(50, ledger.UsedCells);
        ledger.Clear(1);
        Assert.Equal(0, ledger.UsedCells);
    }

    [Fact]
    public void Appending_in_steps_counts_each_cell_once()
    {
        var ledger = new KvCellLedger(2);
        for (var position = 0; position < 20; position++)
        {
            ledger.Append(0, position, 1);
        }
        ledger.Append(1, 0, 5);
        Assert.Equal(25, ledger.UsedCells);
    }
}
