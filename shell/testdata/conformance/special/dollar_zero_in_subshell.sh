( echo ${0##*/} )
echo $(echo ${0##*/})
