x=`echo assigned`
cat <<EOF
$x `echo in-heredoc`
EOF
