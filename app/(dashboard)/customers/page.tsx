import type { Metadata } from "next";
import { CustomersList } from "@/components/customers/customers-list";

export const metadata: Metadata = { title: "Customers" };

export default function CustomersPage() {
  return <CustomersList />;
}
