echo x 1>f
cat f
ls nosuch 2>err
wc -l < err
