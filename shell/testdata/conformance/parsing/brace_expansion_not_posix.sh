echo {a,b,c}
echo x{1..3}
