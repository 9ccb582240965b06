alias g='echo x'
unalias g
g 2>/dev/null || echo gone
unalias nosuchalias_zz
echo "status $?"
