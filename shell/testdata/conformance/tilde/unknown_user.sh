echo ~nosuchuser_zz
echo ~nosuchuser_zz/x
