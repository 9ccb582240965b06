touch p q
echo ./*
