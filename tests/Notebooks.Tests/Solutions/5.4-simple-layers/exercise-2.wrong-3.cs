// Exercise 2: a shop with a coupon
// Expected hint: the coupon comes off the goods before the tax is applied
// Returns the price and its derivatives with respect to all six inputs.
(double price, double dapple, double dapple_num, double dorange, double dorange_num,
 double dcoupon, double dtax)
    CouponShop(double apple, double apple_num, double orange, double orange_num,
               double coupon, double tax)
{
    var mulApple = new MulLayer();
    var mulOrange = new MulLayer();
    var addFruit = new AddLayer();
    var subCoupon = new AddLayer();
    var mulTax = new MulLayer();

    double applePrice = mulApple.Forward(apple, apple_num);
    double orangePrice = mulOrange.Forward(orange, orange_num);
    double fruit = addFruit.Forward(applePrice, orangePrice);
    double taxed = mulTax.Forward(fruit, tax);
    double price = subCoupon.Forward(taxed, -coupon);   // the coupon taken off after the tax

    var (dtaxed, dminusCoupon) = subCoupon.Backward(1);
    var (dfruit, dtax) = mulTax.Backward(dtaxed);
    var (dapplePrice, dorangePrice) = addFruit.Backward(dfruit);
    var (dapple, dapple_num) = mulApple.Backward(dapplePrice);
    var (dorange, dorange_num) = mulOrange.Backward(dorangePrice);
    return (price, dapple, dapple_num, dorange, dorange_num, -dminusCoupon, dtax);
}
