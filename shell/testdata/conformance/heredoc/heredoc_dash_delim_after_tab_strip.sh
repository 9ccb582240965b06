cat <<-END
	x
		END
echo after
