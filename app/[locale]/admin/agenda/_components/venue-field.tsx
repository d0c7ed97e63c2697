import { TextField } from "@/components/form/text-field";

type Props = {
  id: string;
  name: string;
  label: string;
  defaultValue?: string | number;
  error?: string;
  type?: "text" | "number";
};

/** A labelled field of a room or track form: the small size of the agenda editor's inline forms. */
export function VenueField(props: Props) {
  return <TextField {...props} compact />;
}
