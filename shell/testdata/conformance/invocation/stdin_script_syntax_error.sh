# mode: stdin
echo before
if then
