echo "<<EOF"
echo '<<-X'
