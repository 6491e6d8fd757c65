using IbConfig.Core.Errors;
using IbConfig.Core.Simulator;

namespace IbConfig.Core.Tests.Simulator;

public class SimulatorDataFileTests
{
    [Fact]
    public void Reads_accounts_summary_values_and_positions_with_columns_in_any_order()
    {
        var data = SimulatorDataFile.Parse("""
            # paper accounts for the bot's CI
            [Accounts]
            DU111111, DU222222

            [Summary]
            Tag,Account,Value,Currency
            NetLiquidation,DU111111,125000.50,USD
            ; comments anywhere
            TotalCashValue,DU333333,5000,EUR

            [Positions]
            Account,Symbol,Quantity,AverageCost,ConId,Exchange
            DU111111,AAPL,100,150.25,265598,NASDAQ
            DU222222,ES,-1.5,5000
            """);
        Assert.Equal(new[] { "DU111111", "DU222222", "DU333333" }, data.Accounts.Select(a => a.Id));
        Assert.Equal("125000.50", data.Accounts[0].GetValue("NetLiquidation"));
        Assert.Equal("1000000.00", data.Accounts[0].GetValue("TotalCashValue"));
        Assert.Equal("EUR", data.Accounts[2].Currency);
        Assert.Equal("5000", data.Accounts[2].GetValue("TotalCashValue"));
        var aapl = data.Positions[0];
        Assert.Equal(("DU111111", "AAPL", 100m, 150.25, 265598, "NASDAQ"), (aapl.Account, aapl.Symbol, aapl.Quantity, aapl.AverageCost, aapl.ConId, aapl.Exchange));
        Assert.Equal(-1.5m, data.Positions[1].Quantity);
    }

    [Theory]
    [InlineData("DU1", 1, "before any section")]
    [InlineData("[Orders]", 1, "unknown section")]
    [InlineData("[Summary]\nAccount,Value", 2, "missing Tag")]
    [InlineData("[Summary]\nAccount,Tag,Value\nDU1,Bogus,1", 3, "not a standard account-summary tag")]
    [InlineData("[Positions]\nAccount,Symbol,Quantity\nDU1,AAPL,ten", 3, "Quantity 'ten' is not a number")]
    [InlineData("[Positions]\nAccount,Symbol,Quantity\nDU-1,AAPL,1", 3, "not a valid IB account id")]
    [InlineData("[Summary]\nAccount,Tag,Value,Currency\nDU1,NetLiquidation,1,USD\nDU1,SMA,1,EUR", 4, "base currency USD")]
    [InlineData("[FillRules]\nSymbol,Rule\nAAPL,Sometimes", 3, "Rule 'Sometimes' is not one of")]
    [InlineData("[FillRules]\nSymbol,Rule\nAAPL,1", 3, "Rule '1' is not one of")]
    [InlineData("[FillRules]\nSymbol,Rule,Code\nAAPL,Reject,abc", 3, "Code 'abc'")]
    [InlineData("[FillRules]\nSymbol,Rule,PartialSize\nAAPL,Immediate,-5", 3, "PartialSize -5 must be 0")]
    public void Says_which_line_is_wrong_and_why(string text, int line, string why)
    {
        var error = Assert.Throws<IbConfigException>(() => SimulatorDataFile.Parse(text, "accounts.txt"));
        Assert.Equal("SimulatorDataInvalid", error.ErrorId);
        Assert.Contains($"accounts.txt, line {line}:", error.Message);
        Assert.Contains(why, error.Message);
    }

    [Fact]
    public void Reads_fill_rules_per_symbol_with_a_reject_code_and_a_slice_size()
    {
        var data = SimulatorDataFile.Parse("""
            [FillRules]
            Symbol,Rule,Code,PartialSize
            aapl,onlimitcross,,50
            MSFT,Reject,110
            *,Never
            """);
        Assert.Equal(new[] { "AAPL: OnLimitCross in slices of 50", "MSFT: Reject 110", "*: Never" }, data.FillRules.Select(r => r.ToString()));
        Assert.Equal(SimulatedFillRule.DefaultRejectCode, data.FillRules[2].RejectCode);
        var options = new GatewaySimulatorOptions().UseData(data);
        Assert.Equal(3, options.FillRules.Count);
    }

    [Fact]
    public void Reports_a_missing_file_as_not_found()
    {
        var error = Assert.Throws<IbConfigException>(() => SimulatorDataFile.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".txt")));
        Assert.Equal(("SimulatorDataNotFound", IbErrorKind.ObjectNotFound), (error.ErrorId, error.Kind));
    }

    [Fact]
    public void Reads_the_shipped_sample()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "../../../../../samples/simulator/paper-accounts.txt");
        var data = SimulatorDataFile.Read(sample);
        Assert.NotEmpty(data.Accounts);
        Assert.NotEmpty(data.Positions);
    }
}
