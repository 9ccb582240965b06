# comment \
echo not-a-continuation
