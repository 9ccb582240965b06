printf '%s\n' 'hello world'
printf '%s\n' 'a  b   c'
printf '%s\n' '$HOME `date` \n \\ "x"'
