namespace Backprop.Tests;

/// <summary>
/// The book's shopping examples (buy_apple.py, buy_apple_orange.py). The expected doubles are exactly
/// what Python prints, so they are compared with ==: same IEEE operations in the same order, same bits.
/// </summary>
public class AppleExampleTests
{
    [Fact]
    public void Apples_price_and_gradients_are_the_books_doubles()
    {
        double apple = 100, appleNum = 2, tax = 1.1;
        var mulAppleLayer = new MulLayer();
        var mulTaxLayer = new MulLayer();

        double applePrice = mulAppleLayer.Forward(apple, appleNum);
        double price = mulTaxLayer.Forward(applePrice, tax);

        double dprice = 1;
        var (dapplePrice, dtax) = mulTaxLayer.Backward(dprice);
        var (dapple, dappleNum) = mulAppleLayer.Backward(dapplePrice);

        Assert.True(price == 220.00000000000003, $"price {price:R}");
        Assert.True(dapple == 2.2, $"dapple {dapple:R}");
        Assert.True(dappleNum == 110.00000000000001, $"dapple_num {dappleNum:R}");
        Assert.True(dtax == 200, $"dtax {dtax:R}");
    }

    [Fact]
    public void Apples_and_oranges_price_and_gradients_are_the_books_doubles()
    {
        double apple = 100, appleNum = 2, orange = 150, orangeNum = 3, tax = 1.1;
        var mulAppleLayer = new MulLayer();
        var mulOrangeLayer = new MulLayer();
        var addAppleOrangeLayer = new AddLayer();
        var mulTaxLayer = new MulLayer();

        double applePrice = mulAppleLayer.Forward(apple, appleNum);
        double orangePrice = mulOrangeLayer.Forward(orange, orangeNum);
        double allPrice = addAppleOrangeLayer.Forward(applePrice, orangePrice);
        double price = mulTaxLayer.Forward(allPrice, tax);

        double dprice = 1;
        var (dallPrice, dtax) = mulTaxLayer.Backward(dprice);
        var (dapplePrice, dorangePrice) = addAppleOrangeLayer.Backward(dallPrice);
        var (dorange, dorangeNum) = mulOrangeLayer.Backward(dorangePrice);
        var (dapple, dappleNum) = mulAppleLayer.Backward(dapplePrice);

        Assert.True(price == 715.0000000000001, $"price {price:R}");
        Assert.True(dapple == 2.2, $"dapple {dapple:R}");
        Assert.True(dappleNum == 110.00000000000001, $"dapple_num {dappleNum:R}");
        Assert.True(dorange == 3.3000000000000003, $"dorange {dorange:R}");
        Assert.True(dorangeNum == 165, $"dorange_num {dorangeNum:R}");
        Assert.True(dtax == 650, $"dtax {dtax:R}");
    }
}
